import type { DialogueForReader } from "@/lib/dialogue/get-dialogue";
import { SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import type { TextRange } from "@/lib/dialogue/search-dialogue";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import { CitedIn } from "./cited-in";
import { findPhraseRanges, MarkedText } from "./marked-text";

/** The lists the meeting agreed on, each item with its own address, plus free notes. */
export function SummaryLists({ dialogue, marks }: { dialogue: DialogueForReader; marks: Map<string, TextRange[]> }) {
  return (
    <section id="summary" aria-labelledby="summary-title" className="space-y-8">
      <h2 id="summary-title" className="text-xl font-semibold">
        Summary of the dialogue
      </h2>
      {dialogue.summaryNotes.map((note) => (
        <p key={note.key} id={note.key} data-citable className="max-w-3xl text-slate-700">
          {note.text}
        </p>
      ))}
      {SUMMARY_LISTS.map((list) => {
        const items = dialogue.summaryItems.filter((item) => item.list === list);
        if (items.length === 0) return null;
        return (
          <section key={list} id={list} aria-labelledby={`${list}-title`}>
            <h3 id={`${list}-title`} className="text-lg font-semibold">
              {SUMMARY_LIST_TITLES[list]} <span className="text-sm font-normal text-slate-600">({items.length})</span>
            </h3>
            <ol className="mt-3 space-y-2">
              {items.map((item) => (
                <li key={item.key} id={item.key} data-citable className="flex gap-3 rounded bg-white p-3 shadow-sm">
                  <a
                    href={`#${item.key}`}
                    className="shrink-0 font-mono text-xs leading-6 text-slate-600 hover:text-un"
                  >
                    <span className="sr-only">Link to {SUMMARY_LIST_TITLES[list]}, item </span>
                    {item.key}
                  </a>
                  <span className="leading-6">
                    <MarkedText
                      text={item.text}
                      layers={[
                        { ranges: findPhraseRanges(item.text, item.keyPhrases), as: "strong" },
                        { ranges: marks.get(item.key) ?? [], as: "mark" },
                      ]}
                    />
                    <CitedIn links={item.links} />
                  </span>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}
