"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { DeadlineKind } from "@/lib/negotiation/schemas";
import type { TNegotiationView } from "@/lib/negotiation/read-negotiation";
import { Countdown } from "./countdown";

type Round = TNegotiationView["round"];

/** Read again after this long: a facilitator may have extended a deadline meanwhile. */
const FRESH_MS = 30_000;
/** One request per plan for every form on the page (a plan page has a comment and an amendment form per section). */
const loaded = new Map<string, { at: number; round: Promise<Round | null> }>();

function loadRound(planId: string): Promise<Round | null> {
  const cached = loaded.get(planId);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.round;
  const round = apiFetch<TNegotiationView>(`/api/plans/${planId}/rounds`).then(({ data }) => data?.round ?? null);
  loaded.set(planId, { at: Date.now(), round });
  return round;
}

/** In a comment or amendment form: the round's deadline for it, with the time left; nothing when there is none. */
export function RoundDeadlineNotice({ planId, kind }: { planId: string; kind: DeadlineKind }) {
  const [round, setRound] = useState<Round | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void loadRound(planId).then((loadedRound) => isCurrent && setRound(loadedRound));
    return () => {
      isCurrent = false;
    };
  }, [planId]);
  const deadline = kind === "comment" ? round?.commentDeadline : round?.amendmentDeadline;
  if (!deadline) return null;
  return (
    <p className="text-xs" data-testid={`${kind}-deadline-notice`}>
      <Countdown deadline={deadline} label={kind === "comment" ? "Comments" : "Amendments"} />
    </p>
  );
}
