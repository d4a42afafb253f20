/** Input schemas for comment threads, shared by route handlers and tests. */
import { z } from "zod";
import { plainText, ZBlockId, ZQuoteSelector } from "@/lib/plan/passage-schemas";
import { THREAD_STANCES, THREAD_STATUSES, THREAD_VISIBILITIES } from "./thread-values";

/** How long an author may still edit their comment. */
export const EDIT_WINDOW_MS = 15 * 60_000;

/** Plain text: stored as typed, always rendered as text, so markup and script stay inert. */
export const ZCommentBody = plainText({ max: 5000 });

export const ZCreateThread = z.object({
  sectionKey: z.string().min(1).max(100),
  blockId: ZBlockId,
  quote: ZQuoteSelector,
  stance: z.enum(THREAD_STANCES),
  visibility: z.enum(THREAD_VISIBILITIES).default("everyone"),
  body: ZCommentBody,
});
export type TCreateThread = z.infer<typeof ZCreateThread>;

export const ZReply = z.object({ body: ZCommentBody });
export type TReply = z.infer<typeof ZReply>;

export const ZThreadStatus = z.object({ status: z.enum(THREAD_STATUSES) });
export type TThreadStatus = z.infer<typeof ZThreadStatus>;
