"use client";

import { useCallback, useEffect, useState } from "react";
import type { ListedAmendment } from "@/lib/amendments/list-amendments";
import { apiFetch } from "@/lib/http/api-fetch";

/** An amendment as the API sends it (dates as strings). */
export type AmendmentView = Omit<ListedAmendment, "decidedAt" | "withdrawnAt" | "createdAt"> & {
  decidedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
};

/** A section's amendments, fetched again whenever `version` moves (a live "amendments-changed" from the collab server). */
export function useAmendments(planId: string, sectionKey: string, version: number) {
  const [amendments, setAmendments] = useState<AmendmentView[] | null>(null);
  const [error, setError] = useState("");
  const refresh = useCallback(async () => {
    const { data } = await apiFetch<AmendmentView[]>(
      `/api/plans/${planId}/amendments?section=${encodeURIComponent(sectionKey)}`,
    );
    if (!data) return setError("Could not load the amendments. They will load again on the next change.");
    setError("");
    setAmendments(data);
  }, [planId, sectionKey]);
  useEffect(() => {
    void refresh();
  }, [refresh, version]);
  return { amendments, error, refresh };
}
