"use client";

import { useCallback, useEffect, useState } from "react";

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

/** A section's threads, fetched again whenever `version` moves (a live "threads-changed" from the collab server). */
export function useThreads(planId: string, sectionKey: string, version: number) {
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const [error, setError] = useState("");
  const refresh = useCallback(async () => {
    const response = await fetch(`/api/plans/${planId}/threads?section=${encodeURIComponent(sectionKey)}`).catch(() => null);
    if (!response?.ok) return setError("Could not load the comments. They will load again on the next change.");
    setError("");
    setThreads((await response.json()) as ThreadView[]);
  }, [planId, sectionKey]);
  useEffect(() => {
    void refresh();
  }, [refresh, version]);
  return { threads, error, refresh };
}
