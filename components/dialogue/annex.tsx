import type { DialogueForReader } from "@/lib/dialogue/get-dialogue";

/** The delegations that took the floor, and the speakers with their statements. */
export function Annex({ dialogue }: { dialogue: DialogueForReader }) {
  return (
    <>
      <section id="speakers" aria-labelledby="speakers-title">
        <h2 id="speakers-title" className="text-xl font-semibold">
          Speakers <span className="text-sm font-normal text-slate-600">({dialogue.speakers.length})</span>
        </h2>
        <ul className="mt-3 grid gap-2 sm:grid-cols-2">
          {dialogue.speakers.map((speaker) => (
            <li key={speaker.key} id={speaker.key} data-citable className="rounded bg-white p-3 text-sm shadow-sm">
              <span className="font-medium">{speaker.name}</span>
              {speaker.affiliation && <span className="block text-slate-600">{speaker.affiliation}</span>}
              <span className="mt-1 block">
                {speaker.statements.map((s) => (
                  <a key={s.key} href={`#${s.key}`} className="mr-2 font-mono text-xs text-un-dark hover:underline">
                    #{s.key}
                  </a>
                ))}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section id="annex" aria-labelledby="annex-title">
        <h2 id="annex-title" className="text-xl font-semibold">
          Delegations <span className="text-sm font-normal text-slate-600">({dialogue.delegations.length})</span>
        </h2>
        <ol className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {dialogue.delegations.map((d) => (
            <li key={d.key} id={d.key} data-citable className="px-1 py-0.5 text-sm">
              {d.name}
              {d.onBehalfOf && <span className="text-slate-600"> (on behalf of {d.onBehalfOf})</span>}
              {d.speakers.map((s) => (
                <a key={s.key} href={`#${s.key}`} className="ml-2 text-xs text-un-dark underline decoration-dotted">
                  speaker: {s.name}
                </a>
              ))}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
