import { SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import type { SearchHit } from "@/lib/dialogue/search-dialogue";
import type { SummaryListName } from "@/lib/dialogue/types";

/** The hits of a search, each a link to the statement or list item it found. */
export function SearchResults({ query, hits, error }: { query: string; hits: SearchHit[]; error?: string }) {
  return (
    <section
      id="search-results"
      aria-labelledby="search-results-title"
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <h2 id="search-results-title" className="font-semibold">
        {error ? error : `${hits.length} ${hits.length === 1 ? "match" : "matches"} for “${query}”`}
      </h2>
      {hits.length > 0 && (
        <ol className="mt-3 space-y-2">
          {hits.map((hit) => (
            <li key={hit.key}>
              <a
                href={`#${hit.key}`}
                className="block rounded bg-white p-2 text-sm shadow-sm hover:ring-2 hover:ring-un"
              >
                <span className="block font-medium text-un-dark">
                  {hit.kind === "statement" ? hit.context : SUMMARY_LIST_TITLES[hit.context as SummaryListName]}{" "}
                  <span className="ml-2 font-mono text-xs text-slate-600">#{hit.key}</span>
                </span>
                <span className="block text-slate-800">
                  {hit.snippet.map((part, i) =>
                    part.isMatch ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                  )}
                </span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
