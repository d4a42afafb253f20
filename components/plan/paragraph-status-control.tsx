"use client";

/**
 * The passage's status in the negotiation, in the margin beside the text:
 * a badge for every reader, and for facilitators a choice that sets it
 * (PUT …/paragraphs/[blockId]/status). The page renders again when any status
 * changes (LivePlanActivity), so the badge follows what the server holds; the
 * line below says how the last change went, or why it was refused (a bracket
 * still open).
 */
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { apiFetch } from "@/lib/http/api-fetch";
import { PARAGRAPH_STATUSES } from "@/lib/plan/paragraph-statuses";
import type { TParagraphStatus } from "@/lib/plan/paragraph-statuses";
import { STATUS_STYLE } from "./paragraph-status-style";

export function ParagraphStatusControl({
  planId,
  sectionId,
  blockId,
  status,
  canSet,
  readText,
}: {
  planId: string;
  sectionId: string;
  blockId: string;
  status: TParagraphStatus;
  canSet: boolean;
  /** The paragraph as the editor shows it now (readStatusText), so the server can refuse a status set on unsaved words. */
  readText: () => string | undefined;
}) {
  const id = useId();
  const [message, setMessage] = useState("");
  const [isSaving, setSaving] = useState(false);

  async function change(next: TParagraphStatus) {
    setSaving(true);
    setMessage("Saving the status…");
    const path = [planId, sectionId, blockId].map(encodeURIComponent);
    const { error } = await apiFetch(`/api/plans/${path[0]}/sections/${path[1]}/paragraphs/${path[2]}/status`, {
      method: "PUT",
      body: { status: next, text: readText() },
    });
    setSaving(false);
    setMessage(error ?? `Marked ${STATUS_STYLE[next].label.toLowerCase()}.`);
  }

  return (
    <div className="space-y-1 text-xs" data-testid="paragraph-status-control">
      <p className="flex items-center gap-2">
        <span className="font-semibold">Status:</span>
        <Badge tone={STATUS_STYLE[status].tone} data-testid="passage-status">
          {STATUS_STYLE[status].label}
        </Badge>
      </p>
      {canSet && (
        <p className="flex items-center gap-2">
          <label htmlFor={`${id}-status`}>Set status</label>
          <select
            id={`${id}-status`}
            value={status}
            disabled={isSaving}
            onChange={(event) => void change(event.target.value as TParagraphStatus)}
            className="rounded border border-slate-400 px-1 py-0.5"
          >
            {PARAGRAPH_STATUSES.map((option) => (
              <option key={option} value={option}>
                {STATUS_STYLE[option].label}
              </option>
            ))}
          </select>
        </p>
      )}
      <p role="status" aria-live="polite" className="text-slate-700">
        {message}
      </p>
    </div>
  );
}
