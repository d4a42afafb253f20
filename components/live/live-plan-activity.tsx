"use client";

/**
 * Keeps a server-rendered plan-wide page (comments, amendments) current: on
 * each change of the kind it lists, anywhere in the plan, the page renders
 * itself again on the server — so every item is access-checked as on first
 * load — and React merges the result in, keeping what the reader has typed or
 * opened. A status line says whether it is live, and when it last updated.
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useEventSource } from "./use-event-source";
import { formatTime } from "@/lib/dates/format-date";

/** Changes that arrive together (a reply and its resolve) are folded into one refresh. */
const FOLD_MS = 200;

export function LivePlanActivity({
  planId,
  kind,
  noun,
  revision,
}: {
  planId: string;
  /**
   * The structure revision the page was rendered at: given, the stream's first event says whether the page is
   * current, and a current page does not render itself again when the stream opens (the plan page is costly).
   */
  revision?: number;
  /** What the page lists; it also renders again when the plan's sections change, which every plan page shows. */
  kind: "threads" | "amendments" | "links" | "status" | "structure";
  noun: string;
}) {
  const router = useRouter();
  const [isRefreshing, startTransition] = useTransition();
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const foldTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(
    ({ isQuiet = false } = {}) => {
      clearTimeout(foldTimer.current);
      foldTimer.current = setTimeout(() => {
        startTransition(() => router.refresh());
        if (!isQuiet) setUpdatedAt(new Date());
      }, FOLD_MS);
    },
    [router],
  );
  useEffect(() => () => clearTimeout(foldTimer.current), []);

  const connection = useEventSource({
    url: `/api/plans/${encodeURIComponent(planId)}/activity?kind=${kind === "structure" ? kind : `${kind},structure`}`,
    listeners: {
      [kind]: () => refresh(),
      structure: () => refresh(),
      check: () => refresh(),
      // Only a page that says which revision it shows compares; the others render again on opening anyway.
      ...(revision !== undefined && {
        revision: (data: unknown) => {
          if ((data as { revision?: number }).revision !== revision) refresh();
        },
      }),
    },
    // What changed between the page's render and the stream's opening (or while it was down) came with no event.
    onOpen: (isFirst) => {
      if (!(isFirst && revision !== undefined)) refresh({ isQuiet: isFirst });
    },
  });

  return (
    <p
      role="status"
      className="flex items-center gap-2 text-xs text-slate-700"
      data-testid="live-status"
      data-connection={connection}
    >
      <span
        aria-hidden="true"
        className={`inline-block h-2 w-2 rounded-full ${connection === "open" ? "bg-emerald-600" : "bg-amber-500"}`}
      />
      {describe({ connection, isRefreshing, updatedAt, noun })}
    </p>
  );
}

function describe({
  connection,
  isRefreshing,
  updatedAt,
  noun,
}: {
  connection: string;
  isRefreshing: boolean;
  updatedAt: Date | null;
  noun: string;
}): string {
  if (connection === "connecting") return "Connecting for live updates…";
  if (connection === "reconnecting") return `Reconnecting… New ${noun} will appear when the connection is back.`;
  if (connection === "paused") return `Paused while this tab is hidden; new ${noun} appear when you come back.`;
  if (isRefreshing) return `Updating ${noun}…`;
  if (updatedAt) return `Live: updated at ${formatTime(updatedAt)}.`;
  return `Live: new ${noun} appear here as they are posted.`;
}
