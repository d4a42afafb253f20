/** Input schemas for the concern register, shared by route handlers, pages and tests. */
import { z } from "zod";
import { ZCommentBody } from "@/lib/comments/schemas";

export const CONCERN_STATUSES = ["raised", "addressed", "noted"] as const;
export const CONCERN_ORIGINS = ["dialogue", "comment"] as const;

export const ZConcernFilter = z.object({
  status: z.enum(CONCERN_STATUSES).optional(),
  origin: z.enum(CONCERN_ORIGINS).optional(),
});
export type TConcernFilter = z.infer<typeof ZConcernFilter>;

export const ZMarkThreadAsConcern = z.object({
  threadId: z.string().min(1).max(200),
  /** The concern as it should read on the register; the thread's opening comment when left out. */
  text: ZCommentBody.optional(),
});
export type TMarkThreadAsConcern = z.infer<typeof ZMarkThreadAsConcern>;

export const ZAddressConcern = z.object({
  sectionKey: z.string().min(1).max(100),
  blockId: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, "must be a block id"),
});
export type TAddressConcern = z.infer<typeof ZAddressConcern>;

export const ZNoteConcern = z.object({
  reason: z.string().trim().min(3, "say why, in a few words").max(2000),
});
export type TNoteConcern = z.infer<typeof ZNoteConcern>;
