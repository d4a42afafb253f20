"use client";

/**
 * Where the plan's silence procedure stands, above its text: "Rev.2 is under silence until …" with a live countdown
 * and, for a delegate, "Break silence…" (a reason, then the break); "Rev.2 was adopted under silence on …"; or
 * "Silence was broken by <delegation> on …: <reason>". A facilitator whose round has a revision and no procedure
 * gets the form that starts one. Every change (here or by anyone else) renders the page again from the server,
 * through the plan's live stream.
 */
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDay, formatDayAndTime } from "@/lib/dates/format-date";
import { apiFetch } from "@/lib/http/api-fetch";
import type { TSilencePanel } from "@/lib/negotiation/read-silence";
import { SilenceCountdown } from "./silence-countdown";

export function SilenceBanner({ planId, panel }: { planId: string; panel: TSilencePanel }) {
  const { silence, revision, abilities } = panel;
  // Here, not in the parts: a break or a start renders the page again, which replaces the part that acted, and its
  // outcome must still be announced.
  const [status, setStatus] = useState("");
  // No procedure, nothing to offer and nothing to announce: no empty region for assistive technology to visit.
  if (!silence && !(abilities.start && revision) && !status) return null;
  return (
    <section id="negotiation" aria-label="Silence procedure" className="space-y-2" data-testid="silence-banner">
      {silence?.state === "under_silence" && (
        <div className="rounded border border-amber-400 bg-amber-50 p-3 text-sm" data-state="under_silence">
          <UnderSilence planId={planId} silence={silence} canBreak={abilities.break} setStatus={setStatus} />
        </div>
      )}
      {silence?.state === "adopted" && (
        <p className="rounded border border-emerald-600 bg-emerald-50 p-3 text-sm" data-state="adopted">
          <strong>
            {silence.revision} was adopted under silence on {formatDay(silence.adoptedAt!)}.
          </strong>{" "}
          The text is read-only until a facilitator opens a new round.
        </p>
      )}
      {silence?.state === "broken" && (
        <p className="rounded border border-slate-400 bg-slate-50 p-3 text-sm" data-state="broken">
          <strong>
            Silence was broken by {silence.brokenBy ?? "a delegation"} on {formatDayAndTime(silence.brokenAt!)}:
          </strong>{" "}
          {silence.breakReason}
        </p>
      )}
      {abilities.start && revision && <StartSilenceForm planId={planId} revision={revision} setStatus={setStatus} />}
      <p role="status" aria-live="polite" className="text-xs" data-testid="silence-status">
        {status}
      </p>
    </section>
  );
}

function UnderSilence({
  planId,
  silence,
  canBreak,
  setStatus,
}: {
  planId: string;
  silence: NonNullable<TSilencePanel["silence"]>;
  canBreak: boolean;
  setStatus: (status: string) => void;
}) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  const [isAsking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function breakSilence() {
    setBusy(true);
    setStatus("Breaking silence…");
    const { error } = await apiFetch(`/api/plans/${planId}/silence/break`, { method: "POST", body: { reason } });
    setBusy(false);
    if (error) return setStatus(error);
    setAsking(false);
    setStatus("Silence is broken; the facilitators are told.");
    router.refresh();
  }

  return (
    <div className="space-y-2">
      <p>
        <strong>
          {silence.revision} is under silence until {formatDayAndTime(silence.endsAt)}
        </strong>{" "}
        (<SilenceCountdown endsAt={silence.endsAt} onEnd={refresh} />
        ). It is adopted then unless a delegation breaks silence; meanwhile the text is read-only. Comments stay open.
      </p>
      {canBreak &&
        (isAsking ? (
          <ConfirmDialog
            title={`Break silence on ${silence.revision}?`}
            description="Your delegation's objection ends the procedure: the facilitators are told, everyone sees your reason, and the text is not adopted."
            confirmLabel="Break silence"
            busyLabel="Breaking silence…"
            isBusy={isBusy}
            canConfirm={reason.trim().length > 0}
            onConfirm={breakSilence}
            onCancel={() => setAsking(false)}
          >
            <label htmlFor="silence-break-reason" className="block font-medium">
              Reason
            </label>
            <textarea
              id="silence-break-reason"
              autoFocus
              required
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              rows={3}
              maxLength={2000}
              className="w-full rounded border border-slate-400 px-2 py-1"
            />
          </ConfirmDialog>
        ) : (
          <Button variant="danger" size="md" onClick={() => setAsking(true)}>
            Break silence…
          </Button>
        ))}
    </div>
  );
}

function StartSilenceForm({
  planId,
  revision,
  setStatus,
}: {
  planId: string;
  revision: { versionId: string; label: string };
  setStatus: (status: string) => void;
}) {
  const router = useRouter();
  const [endsAt, setEndsAt] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function start(event: React.FormEvent) {
    event.preventDefault();
    // The field is in the reader's own time zone; the server gets an instant.
    const instant = new Date(endsAt);
    if (Number.isNaN(instant.getTime())) return setStatus("Give the date and time silence ends.");
    setBusy(true);
    setStatus(`Putting ${revision.label} under silence…`);
    const { error } = await apiFetch(`/api/plans/${planId}/silence`, {
      method: "POST",
      body: { versionId: revision.versionId, endsAt: instant.toISOString() },
    });
    setBusy(false);
    if (error) return setStatus(error);
    setStatus(`${revision.label} is under silence; every delegation is told.`);
    router.refresh();
  }

  return (
    <form onSubmit={start} className="flex flex-wrap items-end gap-2 rounded border border-slate-300 p-3 text-sm">
      <label className="flex flex-col">
        <span className="font-medium">Silence ends (your local time)</span>
        <input
          type="datetime-local"
          step={1}
          required
          value={endsAt}
          onChange={(event) => setEndsAt(event.target.value)}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <Button type="submit" variant="primary" size="md" disabled={isBusy}>
        Put {revision.label} under silence
      </Button>
    </form>
  );
}
