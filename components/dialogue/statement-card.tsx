import type { DialogueForReader } from "@/lib/dialogue/get-dialogue";
import type { TextRange } from "@/lib/dialogue/search-dialogue";
import { CitedIn } from "./cited-in";
import { FamilyNameControl } from "./family-name-control";
import { MarkedText } from "./marked-text";

type Statement = DialogueForReader["segments"][number]["statements"][number];

type Props = {
  statement: Statement;
  marks: TextRange[];
  /** Admins correct the speaker's family name here, which addresses the statement (with the dialogue's id). */
  familyNameControl?: { dialogueId: string } | null;
};

/** One statement: the speaker, then each sentence with its own address. */
export function StatementCard({ statement, marks, familyNameControl = null }: Props) {
  const { speaker } = statement;
  return (
    <article
      id={statement.key}
      data-citable
      aria-labelledby={`${statement.key}-speaker`}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`${statement.key}-speaker`} className="font-semibold">
          {speaker.honorific && <span className="font-normal text-slate-600">{speaker.honorific} </span>}
          <a href={`#${speaker.key}`} className="text-un-dark hover:underline">
            {speaker.name}
          </a>
        </h4>
        <a href={`#${statement.key}`} className="font-mono text-xs text-slate-600 hover:text-un">
          <span className="sr-only">Link to the statement by {speaker.name}: </span>#{statement.key}
        </a>
      </header>
      {(speaker.affiliation || speaker.delegation) && (
        <p className="mt-0.5 text-sm text-slate-600">
          {speaker.affiliation}
          {speaker.delegation && (
            <>
              {" · "}
              <a href={`#${speaker.delegation.key}`} className="underline decoration-dotted hover:text-un">
                {speaker.delegation.name}
              </a>
            </>
          )}
        </p>
      )}
      <p className="mt-3 font-serif text-[1.05rem] leading-relaxed">
        {statement.sentences.map((sentence) => (
          <span key={sentence.key} id={sentence.key} data-citable className="px-0.5">
            <a
              href={`#${sentence.key}`}
              className="mr-0.5 align-super font-sans text-[0.65rem] text-slate-600 no-underline hover:text-un"
            >
              <span className="sr-only">Sentence </span>
              {sentence.position + 1}
              <span className="sr-only"> of the statement by {speaker.name}</span>
            </a>
            <MarkedText
              text={statement.text}
              start={sentence.start}
              end={sentence.end}
              layers={[{ ranges: marks, as: "mark" }]}
            />{" "}
          </span>
        ))}
      </p>
      <CitedIn links={statement.links} />
      {familyNameControl && (
        <FamilyNameControl dialogueId={familyNameControl.dialogueId} speaker={speaker} address={statement.key} />
      )}
    </article>
  );
}
