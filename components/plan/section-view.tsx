import type { JSONContent } from "@tiptap/core";
import { CitationBadge } from "@/components/editor/citation-badge";
import type { CitationInfo } from "@/components/editor/citation-badge";
import { listBlocks } from "@/lib/editor/plan-document";
import type { PlanForPage, PlanLink } from "@/lib/plan/get-plan";
import type { Viewer } from "@/components/comments/threads-panel";
import { LiveSection } from "./live-section";
import { PassageSuggestions } from "./passage-suggestions";
import { describeCitations, SourceList } from "./source-list";

type Section = PlanForPage["sections"][number];

/**
 * A section: its live text (LiveSection), and until that has synced — or
 * without JavaScript — its saved Tiptap JSON rendered block by block, each
 * passage followed by the numbers of its confirmed sources and a disclosure
 * with the sources and suggestions behind it.
 */
export function SectionView({
  section,
  dialogueId,
  planId,
  canDecide,
  canEdit,
  viewer,
}: {
  section: Section;
  dialogueId: string;
  planId: string;
  canDecide: boolean;
  canEdit: boolean;
  viewer: Viewer;
}) {
  const byBlock = new Map<string, PlanLink[]>();
  for (const link of section.links) byBlock.set(link.blockId, [...(byBlock.get(link.blockId) ?? []), link]);
  const numbering = numberConfirmedLinks(section, byBlock);
  const confirmed = numbering.size;
  const hasOwnText = hasTextBeyondSeed(section);
  const sectionWide = byBlock.get("") ?? [];
  const citations = describeCitations(section.links, dialogueId, planId);
  const citationById = new Map(citations.map((c) => [c.id, c]));
  const citationNumbers = numberCitations(section.content as JSONContent);
  const render = (node: JSONContent, key: string): React.ReactNode =>
    renderNode(node, key, {
      byBlock,
      numbering,
      dialogueId,
      planId,
      canDecide,
      sectionKey: section.key,
      citationById,
      citationNumbers,
    });
  return (
    <section
      id={section.key}
      aria-labelledby={`${section.key}-title`}
      className="relative scroll-mt-24 space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${section.key}-title`} className="text-xl font-semibold">
          {section.title}
        </h2>
        <p className="flex gap-2 text-xs" aria-label="Completeness">
          <Badge isOn={confirmed > 0} on={`${confirmed} confirmed sources`} off="no confirmed source" />
          <Badge isOn={hasOwnText} on="drafted" off="guidance and seed only" />
        </p>
      </header>
      <LiveSection
        planId={planId}
        dialogueId={dialogueId}
        section={{ id: section.id, key: section.key, title: section.title }}
        links={section.links}
        numbering={[...numbering]}
        canEdit={canEdit}
        canDecide={canDecide}
        viewer={viewer}
      >
        <div className="plan-text space-y-2">
          {((section.content as JSONContent).content ?? []).map((node, i) => render(node, `${section.key}-${i}`))}
        </div>
      </LiveSection>
      {sectionWide.length > 0 && (
        <details className="rounded bg-slate-50 p-3">
          <summary className="cursor-pointer text-sm font-medium">
            Sources for the whole section ({sectionWide.length})
          </summary>
          <div className="mt-2">
            <SourceList
              links={sectionWide}
              dialogueId={dialogueId}
              planId={planId}
              canDecide={canDecide}
              numbering={numbering}
            />
          </div>
        </details>
      )}
    </section>
  );
}

/** Numbers the confirmed sources in reading order: passage by passage, then the section's own. */
function numberConfirmedLinks(section: Section, byBlock: Map<string, PlanLink[]>): Map<string, number> {
  const order = [...listBlocks(section.content as JSONContent).map((b) => b.blockId), ""];
  const confirmed = order.flatMap((blockId) => (byBlock.get(blockId) ?? []).filter((l) => l.status === "confirmed"));
  return new Map(confirmed.map((link, i) => [link.id, i + 1]));
}

/** Seeding writes the guidance and one bullet per list item; anything else is the drafters' own. */
function hasTextBeyondSeed(section: Section): boolean {
  const seeded = section.links.filter((l) => l.summaryItem).map((l) => l.summaryItem!.text);
  return section.text
    .split("\n")
    .some((line) => line.trim() && line !== section.guidance && !seeded.some((text) => line.endsWith(text)));
}

function Badge({ isOn, on, off }: { isOn: boolean; on: string; off: string }) {
  return (
    <span className={`rounded px-2 py-0.5 ${isOn ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}>
      {isOn ? on : off}
    </span>
  );
}

/** Citations in document order, numbered from 1, as the live editor numbers them. */
function numberCitations(content: JSONContent): Map<JSONContent, number> {
  const numbers = new Map<JSONContent, number>();
  const visit = (node: JSONContent) => {
    if (node.type === "citation") numbers.set(node, numbers.size + 1);
    for (const child of node.content ?? []) visit(child);
  };
  visit(content);
  return numbers;
}

type RenderContext = {
  byBlock: Map<string, PlanLink[]>;
  numbering: Map<string, number>;
  dialogueId: string;
  planId: string;
  canDecide: boolean;
  sectionKey: string;
  citationById: Map<string, CitationInfo>;
  /** Each citation node's number in document order, by the node itself. */
  citationNumbers: Map<JSONContent, number>;
  /** A list item is one passage; its paragraphs are not passages of their own. */
  isInsideListItem?: boolean;
};

function renderNode(node: JSONContent, key: string, context: RenderContext): React.ReactNode {
  const childContext = node.type === "listItem" ? { ...context, isInsideListItem: true } : context;
  const children = (node.content ?? []).map((child, i) => renderNode(child, `${key}-${i}`, childContext));
  switch (node.type) {
    case "text":
      return renderText(node, key);
    case "paragraph":
      if (context.isInsideListItem) return <span key={key}>{children}</span>;
      return (
        <Passage key={key} node={node} context={context} as="p">
          {children}
        </Passage>
      );
    case "heading":
      return (
        <Passage key={key} node={node} context={context} as="h3">
          {children}
        </Passage>
      );
    case "bulletList":
      return (
        <ul key={key} className="ml-5 list-disc space-y-2">
          {children}
        </ul>
      );
    case "orderedList":
      return (
        <ol key={key} className="ml-5 list-decimal space-y-2">
          {children}
        </ol>
      );
    case "listItem":
      return (
        <Passage key={key} node={node} context={context} as="li">
          {children}
        </Passage>
      );
    case "hardBreak":
      return <br key={key} />;
    case "citation": {
      const linkId = String(node.attrs?.linkId ?? "");
      return (
        <sup key={key} data-citation="" data-link-id={linkId} className="citation group relative">
          <CitationBadge
            linkId={linkId}
            number={context.citationNumbers.get(node)}
            info={context.citationById.get(linkId)}
          />
        </sup>
      );
    }
    default:
      return <div key={key}>{children}</div>;
  }
}

function renderText(node: JSONContent, key: string): React.ReactNode {
  let out: React.ReactNode = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    if (mark.type === "italic") out = <em className="text-slate-700">{out}</em>;
  }
  return <span key={key}>{out}</span>;
}

/**
 * One citable block: its content with the numbers of its confirmed sources,
 * then its sources on demand. The disclosure sits beside the text, never
 * inside a <p> (which may not hold it).
 */
function Passage({
  node,
  context,
  as: Tag,
  children,
}: {
  node: JSONContent;
  context: RenderContext;
  as: "p" | "li" | "h3";
  children: React.ReactNode;
}) {
  const blockId = node.attrs?.blockId as string | undefined;
  const links = blockId ? (context.byBlock.get(blockId) ?? []) : [];
  const numbers = links.map((l) => context.numbering.get(l.id)).filter((n): n is number => n !== undefined);
  const text = (
    <>
      {children}
      {numbers.length > 0 && <sup className="ml-1 font-mono text-xs text-emerald-800">[{numbers.join(", ")}]</sup>}
    </>
  );
  // Readers see sources where there are some; facilitators may also look for new ones anywhere.
  const sources = blockId && (links.length > 0 || context.canDecide) && (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-slate-600">
        Sources ({links.filter((l) => l.status === "confirmed").length} confirmed
        {links.some((l) => l.status !== "confirmed")
          ? `, ${links.filter((l) => l.status !== "confirmed").length} to review`
          : ""}
        )
      </summary>
      <div
        role="region"
        aria-label="Sources of this passage"
        className="mt-1 space-y-2 xl:absolute xl:right-0 xl:z-10 xl:mt-0 xl:max-h-[70vh] xl:w-[24rem] xl:overflow-y-auto xl:rounded-lg xl:border xl:border-slate-300 xl:bg-white xl:p-2 xl:shadow-lg"
      >
        <SourceList
          links={links}
          dialogueId={context.dialogueId}
          planId={context.planId}
          canDecide={context.canDecide}
          numbering={context.numbering}
        />
        <PassageSuggestions
          planId={context.planId}
          sectionKey={context.sectionKey}
          blockId={blockId}
          dialogueId={context.dialogueId}
          canDecide={context.canDecide}
        />
      </div>
    </details>
  );
  if (Tag === "li") {
    return (
      <li id={blockId ? `passage-${blockId}` : undefined} data-block-id={blockId} className="leading-relaxed">
        {text}
        {sources}
      </li>
    );
  }
  return (
    <div id={blockId ? `passage-${blockId}` : undefined} data-block-id={blockId}>
      <Tag className="leading-relaxed">{text}</Tag>
      {sources}
    </div>
  );
}
