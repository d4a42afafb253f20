/**
 * A paragraph's status in the negotiation, as the API, the page and the
 * exports name it, and as the database stores it (ParagraphAgreement, where a
 * pending paragraph has no row at all).
 */
import { z } from "zod";
import type { ParagraphAgreement } from "@/lib/generated/prisma/enums";

export const PARAGRAPH_STATUSES = ["pending", "agreed ad ref", "agreed"] as const;
export const ZParagraphStatus = z.enum(PARAGRAPH_STATUSES);
export type TParagraphStatus = z.infer<typeof ZParagraphStatus>;

/** What readers see on the badge and in print; the colour only repeats it. */
export const STATUS_LABELS: Record<TParagraphStatus, string> = {
  pending: "Pending",
  "agreed ad ref": "Agreed ad ref",
  agreed: "Agreed",
};

export function fromStoredStatus(stored: ParagraphAgreement): TParagraphStatus {
  return stored === "agreed_ad_ref" ? "agreed ad ref" : "agreed";
}

/** The row's value for a status; pending has none (its row is deleted). */
export function toStoredStatus(status: Exclude<TParagraphStatus, "pending">): ParagraphAgreement {
  return status === "agreed ad ref" ? "agreed_ad_ref" : "agreed";
}
