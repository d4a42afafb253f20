"use client";

/** The plan-wide comments page's threads, grouped by section; after an action the page's data is fetched again, and a quote leads to its text in the plan. */
import { useRouter } from "next/navigation";
import type { ThreadView } from "./use-threads";
import { Thread } from "./thread-card";

type Props = { threads: ThreadView[]; total: number; planId: string; viewerId: string };

export function ThreadList({ threads, total, planId, viewerId }: Props) {
  const router = useRouter();
  if (!threads.length) {
    return (
      <p className="text-sm text-slate-600">
        {total ? "No comments match these filters." : "No comments yet. Select text in the plan to comment on it."}
      </p>
    );
  }
  const sections = [...new Map(threads.map((t) => [t.section.key, t.section.title])).entries()];
  return (
    <div className="space-y-6">
      {sections.map(([key, title]) => (
        <section key={key} aria-labelledby={`comments-${key}`} className="space-y-2">
          <h2 id={`comments-${key}`} className="text-lg font-semibold">
            <a href={`/plans/${planId}#${key}`} className="hover:text-un">
              {title}
            </a>
          </h2>
          <ol className="space-y-2">
            {threads
              .filter((t) => t.section.key === key)
              .map((thread) => (
                <li key={thread.id}>
                  <Thread
                    thread={thread}
                    planId={planId}
                    viewerId={viewerId}
                    onChanged={() => router.refresh()}
                    onFocusThread={(id) => router.push(`/plans/${planId}#thread-${id}`)}
                  />
                </li>
              ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
