import type { JSONContent } from "@tiptap/core";
import { CitationBadge } from "@/components/editor/citation-badge";
import type { CitationInfo } from "@/components/editor/citation-badge";
import { describePassageMarker, MARKER_CLASS } from "@/components/editor/passage-marker";
import type { PassageMarker } from "@/components/editor/passage-marker";
import { footnoteKey, groupConfirmedByBlock, numberSources, readPassages } from "@/lib/editor/passages";
import { footnoteAttributes } from "@/components/editor/source-numbers";
import type { ParagraphNumber, Passage as TPassage, SourceNumbering } from "@/lib/editor/passages";
import type { PlanForPage, PlanLink } from "@/lib/plan/get-plan";
import type { Viewer } from "@/components/comments/threads-panel";
import { LiveSection } from "./live-section";
import { PassageSuggestions } from "./passage-suggestions";
import { paragraphAttributes, renderPrintedInlines } from "./printed-paragraph";
import { describeCitations, SourceList } from "./source-list";
import { Badge } from "@/components/ui/badge";
import { nameDelegations, printAlternatives, readAlternatives, readDelegationTags } from "@/lib/editor/brackets";
import type { TParagraphStatus } from "@/lib/plan/paragraph-statuses";
import { STATUS_STYLE } from "./paragraph-status-style";

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
  paragraphNumbers,
  statuses = new Map(),
  canSetStatus = false,
}: {
  section: Section;
  dialogueId: string;
  planId: string;
  canDecide: boolean;
  canEdit: boolean;
  viewer: Viewer;
  /** The whole plan's paragraph numbers (numberParagraphs): a section's operative paragraphs continue the count. */
  paragraphNumbers: ReadonlyMap<string, ParagraphNumber>;
  /** This section's paragraph statuses other than pending, by blockId. */
  statuses?: ReadonlyMap<string, TParagraphStatus>;
  /** Whether the viewer may set a paragraph's status. */
  canSetStatus?: boolean;
}) {
  const byBlock = groupLinksByBlock(section.links);
  const passages = readPassages(section.content as JSONContent);
  const sources = numberSources(passages, groupConfirmedByBlock(section.links));
  const numbering = sources.numberOf;
  // Sources are what was said at the dialogue: an accepted amendment is linked too, but it is not one.
  const confirmed = section.links.filter(
    (link) => link.status === "confirmed" && numbering.has(link.id) && !link.amendment,
  ).length;
  const hasOwnText = hasTextBeyondSeed(section, passages);
  const sectionWide = byBlock.get("") ?? [];
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
          <StateBadge isOn={confirmed > 0} on={`${confirmed} confirmed sources`} off="no confirmed source" />
          <StateBadge isOn={hasOwnText} on="drafted" off="guidance and seed only" />
        </p>
      </header>
      <LiveSection
        planId={planId}
        dialogueId={dialogueId}
        section={{ id: section.id, key: section.key, title: section.title }}
        links={section.links}
        numbering={[...numbering]}
        statuses={[...statuses]}
        canSetStatus={canSetStatus}
        canEdit={canEdit}
        canDecide={canDecide}
        viewer={viewer}
      >
        <SectionText
          section={section}
          passages={passages}
          sources={sources}
          paragraphNumbers={paragraphNumbers}
          dialogueId={dialogueId}
          planId={planId}
          canDecide={canDecide}
          statuses={statuses}
        />
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

/**
 * The saved text, block by block: each passage with its sources' numbers
 * (lib/editor/passages.ts) and a disclosure with the sources and suggestions
 * behind it. What the page shows before the live text syncs, and without
 * JavaScript.
 */
export function SectionText({
  section,
  passages,
  sources,
  paragraphNumbers,
  dialogueId,
  planId,
  canDecide,
  statuses = new Map(),
}: {
  section: Pick<Section, "key" | "content" | "links">;
  passages: TPassage[];
  sources: SourceNumbering;
  /** The plan's paragraph numbers, by blockId (numberParagraphs, over every section). */
  paragraphNumbers: ReadonlyMap<string, ParagraphNumber>;
  dialogueId: string;
  planId: string;
  canDecide: boolean;
  statuses?: ReadonlyMap<string, TParagraphStatus>;
}) {
  const context: RenderContext = {
    byBlock: groupLinksByBlock(section.links),
    sources,
    paragraphNumbers,
    passageById: new Map(passages.map((passage) => [passage.blockId, passage])),
    dialogueId,
    planId,
    canDecide,
    sectionKey: section.key,
    citationById: new Map(describeCitations(section.links, dialogueId, planId).map((c) => [c.id, c])),
    statuses,
  };
  return (
    <div className="plan-text space-y-2">
      {((section.content as JSONContent).content ?? []).map((node, i) =>
        renderNode(node, `${section.key}-${i}`, context),
      )}
    </div>
  );
}

function groupLinksByBlock(links: PlanLink[]): Map<string, PlanLink[]> {
  const byBlock = new Map<string, PlanLink[]>();
  for (const link of links) byBlock.set(link.blockId, [...(byBlock.get(link.blockId) ?? []), link]);
  return byBlock;
}

/** Seeding writes the guidance and one bullet per list item; anything else is the drafters' own. */
function hasTextBeyondSeed(section: Section, passages: TPassage[]): boolean {
  const seeded = section.links.filter((l) => l.summaryItem).map((l) => l.summaryItem!.text);
  return passages.some(
    ({ text }) => text.trim() && text !== section.guidance && !seeded.some((seed) => text.endsWith(seed)),
  );
}

function StateBadge({ isOn, on, off }: { isOn: boolean; on: string; off: string }) {
  return <Badge tone={isOn ? "success" : "warning"}>{isOn ? on : off}</Badge>;
}

type RenderContext = {
  byBlock: Map<string, PlanLink[]>;
  /** The one numbering of the section's sources (lib/editor/passages.ts), as the live editor and the export have it. */
  sources: SourceNumbering;
  paragraphNumbers: ReadonlyMap<string, ParagraphNumber>;
  /** The blocks that are passages, by id: a list item's paragraphs are not. */
  passageById: ReadonlyMap<string, TPassage>;
  dialogueId: string;
  planId: string;
  canDecide: boolean;
  sectionKey: string;
  citationById: Map<string, CitationInfo>;
  /** The section's paragraph statuses other than pending, shown as a badge before each paragraph's words. */
  statuses: ReadonlyMap<string, TParagraphStatus>;
  /** Inside a list item, paragraphs flow inline so the item's source numbers follow its words. */
  isInsideListItem?: boolean;
};

function renderNode(node: JSONContent, key: string, context: RenderContext): React.ReactNode {
  const childContext = node.type === "listItem" ? { ...context, isInsideListItem: true } : context;
  const children = (node.content ?? []).map((child, i) => renderNode(child, `${key}-${i}`, childContext));
  switch (node.type) {
    case "text":
      return renderText(node, key);
    case "paragraph": {
      const passage = context.passageById.get(String(node.attrs?.blockId));
      if (!passage) return context.isInsideListItem ? <span key={key}>{children}</span> : <p key={key}>{children}</p>;
      const number = context.paragraphNumbers.get(passage.blockId);
      return (
        <Passage key={key} node={node} context={context} as="p" attributes={paragraphAttributes(passage, number)}>
          {number
            ? renderPrintedInlines(node.content ?? [], { passage, number }, (child, childKey) =>
                renderNode(child, `${key}-${childKey}`, childContext),
              )
            : children}
        </Passage>
      );
    }
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
            number={context.sources.numberOf.get(linkId)}
            info={context.citationById.get(linkId)}
          />
        </sup>
      );
    }
    case "footnote": {
      const noteId = String(node.attrs?.noteId ?? "");
      const text = String(node.attrs?.text ?? "");
      const noteNumber = context.sources.numberOf.get(footnoteKey(noteId));
      return (
        <sup
          key={key}
          data-footnote=""
          data-note-id={noteId}
          className="footnote-ref"
          title={text}
          {...(noteNumber ? footnoteAttributes(noteNumber, { attrs: { text } }) : {})}
        />
      );
    }
    case "alternatives": {
      const options = readAlternatives(node.attrs?.options);
      return (
        <span
          key={key}
          data-alternatives=""
          data-bracket-id={String(node.attrs?.bracketId ?? "")}
          className="bracket-alternatives"
          title={options.map((option) => `“${option.text}”: ${nameDelegations(option.delegations)}`).join("; ")}
        >
          {printAlternatives(options)}
        </span>
      );
    }
    default:
      return <div key={key}>{children}</div>;
  }
}

/** The mark after a passage, as components/editor/passage-marker.ts describes it (the live editor draws the same). */
function PassageMarkerView(marker: PassageMarker) {
  const { numbersText, recheckText, sentence, data } = describePassageMarker(marker);
  return (
    <sup className={MARKER_CLASS} title={sentence} {...data}>
      <span aria-hidden="true" className="font-mono text-emerald-800">
        {numbersText}
      </span>
      {recheckText && (
        <span aria-hidden="true" className="text-orange-800">
          {` ${recheckText}`}
        </span>
      )}
      <span className="sr-only">{sentence}</span>
    </sup>
  );
}

function renderText(node: JSONContent, key: string): React.ReactNode {
  let out: React.ReactNode = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    if (mark.type === "italic") out = <em className="text-slate-700">{out}</em>;
    if (mark.type === "bracket")
      out = (
        <span
          className="bracket-mark"
          title={`Bracketed, held by ${nameDelegations(readDelegationTags(mark.attrs?.delegations))}`}
        >
          {out}
        </span>
      );
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
  attributes,
  children,
}: {
  node: JSONContent;
  context: RenderContext;
  as: "p" | "li" | "h3";
  /** A paragraph's kind and number, as data attributes (printed-paragraph.tsx). */
  attributes?: Record<string, string | number | undefined>;
  children: React.ReactNode;
}) {
  const blockId = node.attrs?.blockId as string | undefined;
  const links = blockId ? (context.byBlock.get(blockId) ?? []) : [];
  // The sources its text does not cite; a cited one carries its number where it is cited.
  const numbers = (blockId ? (context.sources.atEnd.get(blockId) ?? []) : []).map((id) =>
    context.sources.numberOf.get(id)!,
  );
  const toRecheck = links.filter((link) => link.status === "suspect").length;
  const status = blockId ? context.statuses.get(blockId) : undefined;
  const text = (
    <>
      {status && status !== "pending" && (
        <Badge tone={STATUS_STYLE[status].tone} className="mr-1" data-testid="paragraph-status" data-status={status}>
          {STATUS_STYLE[status].label}
        </Badge>
      )}
      {children}
      {(numbers.length > 0 || toRecheck > 0) && <PassageMarkerView numbers={numbers} toRecheck={toRecheck} />}
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
          numbering={context.sources.numberOf}
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
      <Tag className="leading-relaxed" {...attributes}>
        {text}
      </Tag>
      {sources}
    </div>
  );
}
