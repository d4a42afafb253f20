import type { buildTraceabilityMatrix } from "@/lib/provenance/traceability";
import { buttonClasses } from "@/components/ui/button";

type Matrix = Awaited<ReturnType<typeof buildTraceabilityMatrix>>;

/** Summary items by plan sections, each cell confirmed (C) or suggested (S), with the CSV to download. */
export function TraceabilityMatrix({ planId, matrix }: { planId: string; matrix: Matrix }) {
  return (
    <section aria-labelledby="matrix-title" className="space-y-2">
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
      <div className="overflow-x-auto">
        <table className="border-collapse text-xs">
          <caption className="sr-only">
            Summary items (rows) by plan sections (columns): C confirmed, S suggested
          </caption>
          <thead>
            <tr>
              <th scope="col" className="p-1 text-left">
                Item
              </th>
              {matrix.sections.map((s) => (
                <th key={s.id} scope="col" className="h-32 p-1 align-bottom">
                  <span className="block w-4 rotate-180 [writing-mode:vertical-rl]">{s.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map(({ item, cells }) => (
              <tr key={item.id}>
                <th scope="row" className="p-1 text-left font-mono font-normal" title={item.text}>
                  {item.key}
                </th>
                {cells.map((cell, i) => (
                  <td
                    key={i}
                    className={`h-5 w-5 border border-white text-center ${cell === "confirmed" ? "bg-emerald-700 text-white" : cell === "suggested" ? "bg-amber-200 text-amber-950" : "bg-slate-100"}`}
                  >
                    {cell === "confirmed" ? "C" : cell === "suggested" ? "S" : <span className="sr-only">none</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
