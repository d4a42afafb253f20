import Link from "next/link";
import { ConcernBar } from "@/components/concerns/concern-bar";
import { countConcerns } from "@/lib/concerns/count-concerns";
import type { ConcernEntry } from "@/lib/concerns/list-concerns";

/** The concern register in brief on the coverage board: its bar, and links to the concerns still raised. */
export function RegisterSummary({ planId, register }: { planId: string; register: ConcernEntry[] }) {
  const raised = register.filter((c) => c.status === "raised");
  return (
    <section
      aria-labelledby="register-title"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="coverage-concern-register"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="register-title" className="font-semibold">
          Concern register
        </h2>
        <Link href={`/plans/${planId}/concerns`} className="text-sm font-medium text-un-dark underline">
          Open the concern register
        </Link>
      </div>
      <ConcernBar counts={countConcerns(register)} />
      {raised.length > 0 && (
        <p className="text-sm text-slate-700">
          Still raised:{" "}
          {raised.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ", "}
              <Link href={`/plans/${planId}/concerns#concern-${c.number}`} className="text-un-dark underline">
                #{c.number}
              </Link>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
