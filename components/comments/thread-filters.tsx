"use client";

/**
 * The comments panel's filters: by status (open by default), stance and
 * delegation. Their values come from lib/comments/thread-values.ts, plus
 * "all" or "any".
 */
import { useState } from "react";
import { THREAD_STANCES, THREAD_STATUSES } from "@/lib/comments/thread-values";
import type { TThreadStance, TThreadStatus } from "@/lib/comments/thread-values";
import { STANCE_LABEL } from "./thread-card";
import type { ThreadView } from "./use-threads";

export type ThreadFilterValues = { status: TThreadStatus | "all"; stance: TThreadStance | "any"; delegation: string };

const SHOW_ALL: ThreadFilterValues = { status: "all", stance: "any", delegation: "any" };
const SELECT = "rounded border border-slate-300 bg-white px-1 py-0.5";

/** The filters, the threads they let through, and `reveal`, which clears whatever would hide one thread. */
export function useThreadFilters(threads: ThreadView[] | null) {
  const [values, setValues] = useState<ThreadFilterValues>({ ...SHOW_ALL, status: "open" });
  const change = (change: Partial<ThreadFilterValues>) => setValues((current) => ({ ...current, ...change }));
  const reveal = (thread: ThreadView) =>
    setValues((current) => ({
      ...SHOW_ALL,
      // A status filter that already shows the thread stays.
      status: current.status === thread.status ? current.status : "all",
    }));
  const shown = (threads ?? []).filter(
    (t) =>
      (values.status === "all" || t.status === values.status) &&
      (values.stance === "any" || t.stance === values.stance) &&
      (values.delegation === "any" || t.delegation?.id === values.delegation),
  );
  return { values, change, reveal, shown, delegations: delegationsOf(threads ?? []) };
}

/** The delegations that threads speak for, once each, by name. */
function delegationsOf(threads: ThreadView[]): [string, string][] {
  const byId = new Map(threads.flatMap((t) => (t.delegation ? [[t.delegation.id, t.delegation.name] as const] : [])));
  return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
}

export function ThreadFilters({
  values,
  onChange,
  delegations,
}: {
  values: ThreadFilterValues;
  onChange: (change: Partial<ThreadFilterValues>) => void;
  delegations: [string, string][];
}) {
  return (
    <div className="flex flex-wrap gap-2 text-xs">
      <label>
        Show{" "}
        <select
          value={values.status}
          onChange={(e) => onChange({ status: e.target.value as ThreadFilterValues["status"] })}
          className={SELECT}
        >
          {[...THREAD_STATUSES, "all" as const].map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <label>
        Stance{" "}
        <select
          value={values.stance}
          onChange={(e) => onChange({ stance: e.target.value as ThreadFilterValues["stance"] })}
          className={SELECT}
        >
          <option value="any">any</option>
          {THREAD_STANCES.map((stance) => (
            <option key={stance} value={stance}>
              {STANCE_LABEL[stance].toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        Delegation{" "}
        <select value={values.delegation} onChange={(e) => onChange({ delegation: e.target.value })} className={SELECT}>
          <option value="any">any</option>
          {delegations.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
