"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type ThreadView = {
  id: string;
  number: number;
  section: { key: string; title: string };
  blockId: string;
  anchor: "pending" | "anchored" | "detached";
  quote: { exact: string; prefix: string; suffix: string };
  stance: "support" | "oppose" | "question" | "neutral";
  visibility: "everyone" | "facilitators";
  status: "open" | "resolved";
  delegation: { id: string; name: string } | null;
  author: { id: string; name: string } | null;
  createdAt: string;
  /** Its entry on the concern register, once a facilitator marked it. */
  concern: { number: number; status: "raised" | "addressed" | "noted" } | null;
  comments: { id: string; author: { id: string; name: string } | null; delegation: { id: string; name: string } | null; createdAt: string; editedAt: string | null; isDeleted: boolean; body: string | null }[];
};

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
    const response = await fetch(`/api/plans/${planId}/threads?section=${encodeURIComponent(sectionKey)}`).catch(() => null);
    if (!response?.ok) return setError("Could not load the comments. They will load again on the next change.");
    const fetched = (await response.json()) as ThreadView[];
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
