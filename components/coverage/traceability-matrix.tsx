import { buttonClasses } from "@/components/ui/button";
import { SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import type { SummaryListName } from "@/lib/dialogue/types";
import type { buildTraceabilityMatrix, Cell } from "@/lib/provenance/traceability";
import { shortenAtWord } from "@/lib/text/shorten";

type Matrix = Awaited<ReturnType<typeof buildTraceabilityMatrix>>;
type Row = Matrix["rows"][number];
type Section = Matrix["sections"][number];

/** An item's words in its row: enough to recognise it; the whole text is its tooltip and in the CSV. */
const ROW_TEXT_MAX = 90;

const CELL_STYLE: Record<Exclude<Cell, null>, { letter: string; word: string; className: string }> = {
  confirmed: { letter: "C", word: "confirmed", className: "bg-emerald-700 text-white" },
  suggested: { letter: "S", word: "suggested", className: "bg-amber-200 text-amber-950" },
};

/**
 * Summary items by plan sections, each cell confirmed (C) or suggested (S),
 * with the CSV to download. Columns are numbered, with the section titles in
 * a legend (titles written sideways overlapped); rows are grouped by summary
 * list, each group a disclosure, and show the item's words, not only its key.
 */
export function TraceabilityMatrix({ planId, matrix }: { planId: string; matrix: Matrix }) {
  return (
    <section aria-labelledby="matrix-title" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="matrix-title" className="text-xl font-semibold">
          Traceability matrix
        </h2>
        <a
          href={`/api/plans/${planId}/traceability`}
          className={buttonClasses({ variant: "primary", size: "md", className: "text-sm" })}
          download
        >
          Download CSV
        </a>
      </div>
      <SectionLegend sections={matrix.sections} />
      {groupRowsByList(matrix.rows).map(({ list, rows }) => (
        <MatrixGroup key={list} list={list} rows={rows} sections={matrix.sections} />
      ))}
    </section>
  );
}

function SectionLegend({ sections }: { sections: readonly Section[] }) {
  return (
    <div className="text-sm">
      <h3 id="matrix-columns" className="font-semibold">
        Columns: the plan&apos;s sections
      </h3>
      <ol aria-labelledby="matrix-columns" className="mt-1 flex flex-wrap gap-x-4 gap-y-1" data-testid="matrix-legend">
        {sections.map((section, index) => (
          <li key={section.id}>
            <span className="font-mono font-semibold">{index + 1}</span> {section.title}
          </li>
        ))}
      </ol>
    </div>
  );
}

function MatrixGroup({ list, rows, sections }: { list: SummaryListName; rows: readonly Row[]; sections: Section[] }) {
  const title = SUMMARY_LIST_TITLES[list];
  const withConfirmed = rows.filter((row) => row.cells.includes("confirmed")).length;
  return (
    <details open className="rounded border border-slate-200 bg-white" data-testid={`matrix-${list}`}>
      <summary className="cursor-pointer p-2 font-semibold">
        {title}{" "}
        <span className="text-sm font-normal text-slate-700">
          ({rows.length} items, {withConfirmed} with a confirmed source)
        </span>
      </summary>
      <div className="overflow-x-auto px-2 pb-2">
        <table className="border-collapse text-xs">
          <caption className="sr-only">
            {title}: items (rows) by plan sections (columns), C confirmed, S suggested
          </caption>
          <thead>
            <tr>
              <th scope="col" className="p-1 text-left">
                Item
              </th>
              {sections.map((section, index) => (
                <th key={section.id} scope="col" className="w-6 p-1 text-center font-mono" title={section.title}>
                  <span aria-hidden="true">{index + 1}</span>
                  <span className="sr-only">{section.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <MatrixRow key={row.item.id} row={row} sections={sections} />
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function MatrixRow({ row: { item, cells }, sections }: { row: Row; sections: readonly Section[] }) {
  return (
    <tr>
      <th scope="row" className="max-w-xl p-1 text-left font-normal" title={item.text}>
        <span className="mr-2 font-mono text-slate-600">{item.key}</span>
        {shortenAtWord(item.text, ROW_TEXT_MAX)}
      </th>
      {cells.map((cell, index) => {
        const style = cell && CELL_STYLE[cell];
        return (
          <td
            key={sections[index].id}
            className={`h-5 w-6 border border-white text-center ${style ? style.className : "bg-slate-100"}`}
            title={`${item.key} in ${sections[index].title}: ${style ? style.word : "no source"}`}
          >
            {style ? style.letter : <span className="sr-only">none</span>}
          </td>
        );
      })}
    </tr>
  );
}

/** The rows in list order (as the matrix gives them), one group per summary list. */
function groupRowsByList(rows: readonly Row[]): { list: SummaryListName; rows: Row[] }[] {
  const groups: { list: SummaryListName; rows: Row[] }[] = [];
  for (const row of rows) {
    const list = row.item.list as SummaryListName;
    if (groups.at(-1)?.list !== list) groups.push({ list, rows: [] });
    groups.at(-1)!.rows.push(row);
  }
  return groups;
}
