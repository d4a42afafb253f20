/** Inputs of the negotiation endpoints (rounds, revisions, deadlines), checked with zod. */
import { z } from "zod";

/** An instant with its offset ("2026-12-10T15:00:00Z"); null clears a deadline. */
const ZDeadline = z.iso
  .datetime({ offset: true, message: "give a date and time, e.g. 2026-12-10T15:00:00Z" })
  .transform((value) => new Date(value));

/** Strict: every field is optional, so a misspelt one must be a 400 rather than a revision issued without it. */
export const ZIssueRevision = z.strictObject({
  /** Deadlines of the round the revision opens; none by default. */
  commentDeadline: ZDeadline.optional(),
  amendmentDeadline: ZDeadline.optional(),
});
export type TIssueRevision = z.infer<typeof ZIssueRevision>;

/** The current round's deadlines: a field left out is kept, null removes it. */
export const ZSetDeadlines = z
  .strictObject({
    commentDeadline: ZDeadline.nullable().optional(),
    amendmentDeadline: ZDeadline.nullable().optional(),
  })
  .refine((input) => input.commentDeadline !== undefined || input.amendmentDeadline !== undefined, {
    message: "set commentDeadline or amendmentDeadline",
    path: ["commentDeadline"],
  });
export type TSetDeadlines = z.infer<typeof ZSetDeadlines>;

export const DEADLINE_KINDS = ["comment", "amendment"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
