"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TThreadView } from "@/lib/comments/thread-view";
import { apiFetch } from "@/lib/http/api-fetch";

/** A thread as the page shows it (lib/comments/thread-view.ts holds its schema). */
export type ThreadView = TThreadView;

/**
 * A section's threads: fetched on mount, and again whenever `version` moves
 * (a bare "threads-changed"); replaced by `pushed` whenever the collab
 * server pushes the list itself, which is how they normally arrive live.
 */
export function useThreads(planId: string, sectionKey: string, version: number, pushed: ThreadView[] | null = null) {
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const [error, setError] = useState("");
  // A fetch that started before the latest push must not overwrite it with an older list.
  const pushes = useRef(0);
  const refresh = useCallback(async () => {
    const pushesBefore = pushes.current;
    const { data: fetched } = await apiFetch<ThreadView[]>(
      `/api/plans/${planId}/threads?section=${encodeURIComponent(sectionKey)}`,
    );
    if (!fetched) return setError("Could not load the comments. They will load again on the next change.");
    setError("");
    if (pushes.current === pushesBefore) setThreads(fetched);
  }, [planId, sectionKey]);
  useEffect(() => {
    void refresh();
  }, [refresh, version]);
  useEffect(() => {
    if (!pushed) return;
    pushes.current++;
    setThreads(pushed);
  }, [pushed]);
  return { threads, error, refresh };
}
