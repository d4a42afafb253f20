"use client";

/**
 * One amendment: who proposes what (as a word diff in its context), why,
 * who co-sponsors it, and its state. Offers each viewer the actions the
 * server would allow them — the server checks every one again.
 */
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import type { Viewer } from "@/components/comments/threads-panel";
import { WordDiffView } from "@/components/diff/word-diff-view";
import type { AmendmentView } from "./use-amendments";
import { Time } from "@/components/ui/time";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import type { BadgeTone } from "@/components/ui/badge";
import { ReferencedText } from "@/components/comments/referenced-text";
import { labelAmendmentKind } from "@/lib/amendments/kind-labels";

const STATE_TONE: Record<AmendmentView["state"], BadgeTone> = {
  pending: "info",
  stale: "warning",
  accepted: "success",
  rejected: "danger",
  withdrawn: "muted",
};

type Props = { amendment: AmendmentView; planId: string; viewer: Viewer; onChanged: () => void; showSection?: boolean };

export function AmendmentCard({ amendment, planId, viewer, onChanged, showSection = false }: Props) {
  const [status, setStatus] = useState("");
  const isPending = amendment.status === "pending";
  const base = `/api/plans/${planId}/amendments/${amendment.id}`;
  async function act(url: string, method: "POST" | "DELETE", body: unknown, done: string): Promise<boolean> {
    setStatus("Saving…");
    const { error } = await apiFetch(url, { method, body });
    setStatus(error ?? done);
    if (!error) onChanged();
    return !error;
  }
  return (
    <article
      id={`amendment-${amendment.number}`}
      data-testid="amendment"
      data-state={amendment.state}
      tabIndex={-1}
      className="scroll-mt-24 space-y-1 rounded border border-slate-300 bg-white p-2 text-sm target:ring-2 target:ring-un focus:outline-none focus-visible:ring-2 focus-visible:ring-un"
    >
      <header className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-mono text-slate-600">Amendment {amendment.number}</span>
        {amendment.paragraph && (
          <span className="text-slate-700" title="The paragraph it amends, as numbered now">
            to {amendment.paragraph}
          </span>
        )}
        <Badge tone={STATE_TONE[amendment.state]} data-testid="amendment-state">
          {amendment.state}
        </Badge>
        <Badge>{labelAmendmentKind(amendment.kind)}</Badge>
        {amendment.isSectionRemoved && <Badge tone="warning">removed with its section</Badge>}
        {amendment.staleSinceRevision !== null && (
          <Badge tone="warning" data-testid="amendment-stale-since">
            stale since Rev.{amendment.staleSinceRevision}
          </Badge>
        )}
        <span className="font-medium">{amendment.delegation?.name ?? amendment.author?.name ?? "Unknown"}</span>
        {showSection && (
          <a href={`/plans/${planId}#${amendment.section.key}`} className="text-un-dark underline">
            {amendment.section.title}
          </a>
        )}
      </header>
      {amendment.paragraphChange && (
        <p className="text-xs font-semibold text-slate-800" data-testid="amendment-paragraph-change">
          {amendment.paragraphChange.label}
        </p>
      )}
      <p>
        <WordDiffView segments={amendment.diff} />
      </p>
      {amendment.currentText !== null && (
        <p
          className="rounded border border-amber-300 bg-amber-50 p-1 text-xs text-amber-950"
          data-testid="amendment-current-text"
        >
          <span className="font-semibold">Stale — the passage now reads:</span>{" "}
          <span className="font-serif">{amendment.currentText || "(the passage was removed)"}</span>
        </p>
      )}
      <p className="text-xs text-slate-700">
        <span className="font-semibold">Rationale:</span>{" "}
        <span className="whitespace-pre-wrap">
          <ReferencedText text={amendment.rationale} references={amendment.rationaleReferences} />
        </span>
      </p>
      <p className="text-xs text-slate-700" data-testid="amendment-sponsors">
        {amendment.sponsors.length ? (
          <>Co-sponsored by {amendment.sponsors.map((s) => s.name).join(", ")}</>
        ) : (
          "No co-sponsors yet"
        )}
      </p>
      {amendment.decidedAt && (
        <p className="text-xs text-slate-700">
          {amendment.status === "accepted" ? "Accepted" : "Rejected"} by {amendment.decidedBy?.name ?? "a facilitator"}{" "}
          on <Time date={amendment.decidedAt} />
          {amendment.decisionReason && (
            <>
              : <span className="whitespace-pre-wrap">{amendment.decisionReason}</span>
            </>
          )}
        </p>
      )}
      {isPending && (
        <div className="flex flex-wrap items-center gap-2">
          <SponsorButton
            amendment={amendment}
            viewer={viewer}
            onToggle={(isSponsor) =>
              act(
                `${base}/sponsors`,
                isSponsor ? "DELETE" : "POST",
                {},
                isSponsor ? "Support withdrawn" : "Co-sponsored",
              )
            }
          />
          {amendment.abilities.withdraw && (
            <Button variant="secondary" onClick={() => act(`${base}/withdraw`, "POST", {}, "Withdrawn")}>
              Withdraw<span className="sr-only"> amendment {amendment.number}</span>
            </Button>
          )}
          {amendment.abilities.decide && (
            <DecisionControls
              amendment={amendment}
              onDecide={(body, done) => act(`${base}/decision`, "POST", body, done)}
            />
          )}
        </div>
      )}
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </p>
    </article>
  );
}

function SponsorButton({
  amendment,
  viewer,
  onToggle,
}: {
  amendment: AmendmentView;
  viewer: Viewer;
  onToggle: (isSponsor: boolean) => void;
}) {
  if (!amendment.abilities.sponsor) return null;
  // Not a permission, a state: whether the viewer's delegation already sponsors it.
  const isSponsor = amendment.sponsors.some((s) => s.id === viewer.delegationId);
  return (
    <Button variant="outline" onClick={() => onToggle(isSponsor)} aria-pressed={isSponsor}>
      {isSponsor ? "Withdraw support" : "Co-sponsor"}
      <span className="sr-only"> amendment {amendment.number}</span>
    </Button>
  );
}

function DecisionControls({
  amendment,
  onDecide,
}: {
  amendment: AmendmentView;
  onDecide: (body: unknown, done: string) => Promise<boolean>;
}) {
  const [isRejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const isStale = amendment.state === "stale";
  const cannotApply = isStale
    ? "The target text has changed: the amendment cannot be applied as proposed."
    : amendment.isSectionRemoved
      ? "Its section was removed from the plan: restore the section from a version to accept it."
      : undefined;
  if (isRejecting) {
    return (
      <form
        className="flex flex-wrap items-center gap-1"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await onDecide({ decision: "reject", reason }, "Rejected")) setRejecting(false);
        }}
      >
        <label className="sr-only" htmlFor={`reject-reason-${amendment.id}`}>
          Reason for rejecting amendment {amendment.number}
        </label>
        <input
          id={`reject-reason-${amendment.id}`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          maxLength={2000}
          placeholder="Reason (required)"
          autoFocus
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-0.5 text-xs"
        />
        <Button variant="danger-solid" type="submit">
          Confirm rejection
        </Button>
        <Button variant="link" className="text-xs" onClick={() => setRejecting(false)}>
          Cancel
        </Button>
      </form>
    );
  }
  return (
    <>
      <Button
        variant="success-solid"
        className="disabled:cursor-not-allowed"
        disabled={cannotApply !== undefined}
        onClick={() => onDecide({ decision: "accept" }, "Accepted — the text is updated for everyone")}
        title={cannotApply}
      >
        Accept<span className="sr-only"> amendment {amendment.number}</span>
      </Button>
      <Button variant="danger" onClick={() => setRejecting(true)}>
        Reject…<span className="sr-only"> amendment {amendment.number}</span>
      </Button>
    </>
  );
}
