import Link from "next/link";
import type { listConcernAnswers } from "@/lib/provenance/traceability";

type ConcernAnswer = Awaited<ReturnType<typeof listConcernAnswers>>[number];

/** Each concern of the dialogue, and the passages of the plan that answer it; none is said in red. */
export function ConcernAnswers({ planId, concerns }: { planId: string; concerns: readonly ConcernAnswer[] }) {
  return (
    <section aria-labelledby="concerns-title" className="space-y-2">
      <h2 id="concerns-title" className="text-xl font-semibold">
        Concerns and the passages that answer them
      </h2>
      <ul className="space-y-2">
        {concerns.map((concern) => (
          <li key={concern.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
            <p>
              <span className="font-mono text-xs">{concern.key}</span> {concern.text}
            </p>
            <p className="mt-1 text-slate-700">
              {concern.links.length === 0 ? (
                <strong className="text-red-800">No passage answers this concern yet.</strong>
              ) : (
                "Answered in: "
              )}
              {concern.links.map((link, i) => (
                <span key={link.id}>
                  {i > 0 && ", "}
                  <Link
                    href={`/plans/${planId}#${link.blockId ? `passage-${link.blockId}` : link.section.key}`}
                    className="text-un-dark underline"
                  >
                    {link.section.title}
                  </Link>
                  {link.status === "suggested" && " (suggested)"}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
