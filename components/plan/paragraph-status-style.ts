/**
 * How a paragraph's status looks, everywhere it is shown (the editor's
 * margin, the passage panel, the status board): its words always, its colour
 * only repeating them.
 */
import type { BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS } from "@/lib/plan/paragraph-statuses";
import type { TParagraphStatus } from "@/lib/plan/paragraph-statuses";

export const STATUS_STYLE: Record<TParagraphStatus, { label: string; tone: BadgeTone; bar: string }> = {
  pending: { label: STATUS_LABELS.pending, tone: "info", bar: "bg-sky-600" },
  "agreed ad ref": { label: STATUS_LABELS["agreed ad ref"], tone: "warning", bar: "bg-amber-500" },
  agreed: { label: STATUS_LABELS.agreed, tone: "success", bar: "bg-emerald-700" },
};
