import type { CitationInfo } from "@/components/editor/citation-badge";
import type { PlanLink } from "@/lib/plan/get-plan";
import { formatSegmentLabel, SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import type { SummaryListName } from "@/lib/dialogue/types";
import { describeAmendment } from "@/lib/amendments/describe-amendment";
import { LinkDecision } from "./link-decision";
import { NotASourceButton } from "./not-a-source-button";
import { Button } from "@/components/ui/button";

const RELATION_LABELS: Record<string, string> = {
  derived_from: "derived from",
  supports: "supported by",
  quotes: "quotes",
  responds_to_concern: "answers the concern",
};

type SourceDescription = { address: string; label: string; quote: string; href: string };

/** A link's source: its address (reader anchor or amendment), a short name, the words it contributes, and where to read it. */
export function describeSource(
  link: PlanLink,
  { dialogueId, planId }: { dialogueId: string; planId: string },
): SourceDescription {
  if (link.amendment) {
    const address = `amendment-${link.amendment.number}`;
    const quote = `${link.amendment.newText || "(deletion)"} — ${link.amendment.rationale}`;
    return { address, label: describeAmendment(link.amendment), quote, href: `/plans/${planId}/amendments#${address}` };
  }
  const href = (address: string) => `/dialogues/${dialogueId}#${address}`;
  if (link.summaryItem) {
    const address = link.summaryItem.key;
    return {
      address,
      label: `${SUMMARY_LIST_TITLES[link.summaryItem.list as SummaryListName]} ${link.summaryItem.n}`,
      quote: link.summaryItem.text,
      href: href(address),
    };
  }
  const address = link.sentence?.key ?? link.statement?.key ?? "";
  const quote = link.sentence?.text ?? link.statement?.text ?? "";
  return { address, label: link.statement ? link.statement.speaker.name : address, quote, href: href(address) };
}

/** What a citation's hover card shows, for every link a citation may point at. */
export function describeCitations(links: PlanLink[], dialogueId: string, planId: string): CitationInfo[] {
  return links.map((link) => {
    const { label, quote, href } = describeSource(link, { dialogueId, planId });
    const speaker = link.statement?.speaker;
    const detail = [speaker?.affiliation, link.statement ? formatSegmentLabel(link.statement.segment) : null]
      .filter(Boolean)
      .join(" · ");
    return { id: link.id, status: link.status, label, detail, quote, href };
  });
}

/** Sources of one passage: who said it, in what role and session, the quoted sentence, and a link to it in the reader. */
export function SourceList({
  links,
  dialogueId,
  planId,
  canDecide,
  numbering,
  onCite,
}: {
  links: PlanLink[];
  dialogueId: string;
  planId: string;
  canDecide: boolean;
  numbering: ReadonlyMap<string, number>;
  /** In the live editor: puts a citation of this source at the caret. */
  onCite?: (targetKey: string, label: string) => Promise<boolean>;
}) {
  return (
    <ol className="space-y-2">
      {links.map((link) => {
        const { address, label, quote: quoted, href } = describeSource(link, { dialogueId, planId });
        const speaker = link.statement?.speaker;
        const number = numbering.get(link.id);
        return (
          <li
            key={link.id}
            className={`rounded border p-2 text-sm ${link.status === "confirmed" ? "border-emerald-300 bg-emerald-50" : "border-slate-200 bg-white"}`}
          >
            <p className="flex flex-wrap items-baseline gap-x-2">
              {number !== undefined && (
                <span className="font-mono text-xs font-semibold" data-testid="source-number">
                  [{number}]
                </span>
              )}
              <span className="font-medium">{label}</span>
              {speaker?.affiliation && <span className="text-slate-600">{speaker.affiliation}</span>}
              {link.statement && <span className="text-slate-600">· {formatSegmentLabel(link.statement.segment)}</span>}
              <span className="text-xs text-slate-600">
                {RELATION_LABELS[link.relation]} · <span data-testid="link-status">{link.status}</span>
              </span>
            </p>
            <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 font-serif text-slate-800">
              {quoted}
            </blockquote>
            <p className="mt-1 flex flex-wrap items-center gap-3">
              <a href={href} className="font-mono text-xs text-un-dark underline">
                #{address}
              </a>
              {canDecide && link.status !== "confirmed" && (
                <LinkDecision
                  planId={planId}
                  linkId={link.id}
                  label={`${label}, ${address}`}
                  isSuspect={link.status === "suspect"}
                />
              )}
              {canDecide && link.status === "confirmed" && !link.amendment && !link.cited && (
                <NotASourceButton planId={planId} linkId={link.id} label={`${label}, ${address}`} />
              )}
              {onCite && !link.amendment && (
                <Button variant="outline" onClick={() => onCite(link.targetKey, address)}>
                  Cite<span className="sr-only"> {address} at the caret</span>
                </Button>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
