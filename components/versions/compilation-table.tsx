/**
 * The compilation of proposals as a table: a row per paragraph (its number
 * heads the row), each section a group of rows headed by its title, and per
 * proposal its change as a word diff, its delegation and co-sponsors, and
 * beside it the facilitator's decision and note — in the same order, each
 * named by its amendment number, so a screen reader pairs them too.
 */
import { WordDiffView } from "@/components/diff/word-diff-view";
import { Badge } from "@/components/ui/badge";
import type { BadgeTone } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { COMPILATION_COLUMNS, describeProposalTitle, describeProposers } from "@/lib/versions/compilation";
import type { CompilationParagraphRow, CompilationRow, CompilationSectionRow } from "@/lib/versions/compilation";

/** The amendment list's tones (components/amendments/amendment-card.tsx), so a state looks the same everywhere. */
const STATE_TONE: Record<string, BadgeTone> = {
  pending: "info",
  stale: "warning",
  accepted: "success",
  rejected: "danger",
  withdrawn: "muted",
};

export function CompilationTable({
  rows,
  caption,
  planId,
}: {
  rows: readonly CompilationRow[];
  caption: string;
  planId: string;
}) {
  const groups = groupBySection(rows);
  return (
    // Focusable, so a keyboard user can scroll a table wider than the screen.
    <div
      className="overflow-x-auto rounded border border-slate-200 bg-white"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="w-full border-collapse text-left text-sm" data-testid="compilation">
        <caption className="p-2 text-left text-sm font-medium text-slate-800">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-700">
          <tr>
            {COMPILATION_COLUMNS.map((column) => (
              <th key={column} scope="col" className="p-2 align-bottom">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map(({ section, paragraphs }) => (
          <tbody key={section.key} className="divide-y divide-slate-200 border-t border-slate-300">
            <tr className="bg-sky-50">
              <th scope="rowgroup" colSpan={COMPILATION_COLUMNS.length} className="p-2 text-base font-semibold">
                {section.title}
              </th>
            </tr>
            {paragraphs.map((row) => (
              <ParagraphRow key={row.blockId} row={row} planId={planId} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function groupBySection(rows: readonly CompilationRow[]) {
  const groups: { section: CompilationSectionRow; paragraphs: CompilationParagraphRow[] }[] = [];
  for (const row of rows) {
    if (row.type === "section") groups.push({ section: row, paragraphs: [] });
    else groups.at(-1)?.paragraphs.push(row);
  }
  return groups;
}

function ParagraphRow({ row, planId }: { row: CompilationParagraphRow; planId: string }) {
  return (
    <tr data-testid="compilation-row" data-block-id={row.blockId} className="align-top">
      <th scope="row" className="whitespace-nowrap p-2 font-mono text-xs font-semibold text-slate-800">
        {row.number ?? <span className="sr-only">Unnumbered</span>}
      </th>
      <td className={`min-w-64 p-2 font-serif ${row.isHeading ? "font-semibold" : ""}`}>{row.text}</td>
      <td className="min-w-72 p-2">
        {row.proposals.length === 0 ? (
          <span className="text-slate-600">No proposals</span>
        ) : (
          <ul className="space-y-2">
            {row.proposals.map((proposal) => (
              <li key={proposal.amendmentId} data-testid="compilation-proposal">
                <p className="text-xs">
                  <a
                    href={`/plans/${planId}/amendments#amendment-${proposal.number}`}
                    className="text-un-dark underline"
                  >
                    {describeProposalTitle(proposal)}
                  </a>
                  {proposal.isSinceVersion && <span className="text-slate-600"> (proposed on this text)</span>}
                </p>
                <p className="text-xs font-medium">{describeProposers(proposal)}</p>
                {proposal.diff.length > 0 && <WordDiffView segments={proposal.diff} />}
                {proposal.rationale && <p className="text-xs italic text-slate-700">{proposal.rationale}</p>}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="min-w-48 p-2">
        <ul className="space-y-2">
          {row.proposals.map((proposal) => (
            <li key={proposal.amendmentId} data-testid="compilation-decision">
              <span className="font-mono text-xs text-slate-700">Amendment {proposal.number}:</span>{" "}
              <Badge tone={STATE_TONE[proposal.state] ?? "neutral"}>{proposal.state}</Badge>
              {proposal.decidedAt && (
                <span className="text-xs text-slate-700">
                  {" "}
                  <Time date={proposal.decidedAt} />
                </span>
              )}
              {proposal.decisionReason && <p className="text-xs">{proposal.decisionReason}</p>}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
