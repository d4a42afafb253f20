/** Input schemas for comment threads, shared by route handlers and tests. */
import { z } from "zod";

/** How long an author may still edit their comment. */
export const EDIT_WINDOW_MS = 15 * 60_000;

// Control and bidirectional-override characters could disguise a comment; newlines and tabs are fine.
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Plain text: stored as typed, always rendered as text, so markup and script stay inert. */
export const ZCommentBody = z.string().trim().min(1, "must not be empty").max(5000).refine((body) => !HIDDEN_CHARACTERS.test(body), "must not contain control characters");

export const ZCreateThread = z.object({
  sectionKey: z.string().min(1).max(100),
  blockId: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, "must be a block id"),
  quote: z.object({ exact: z.string().min(1).max(2000), prefix: z.string().max(200).default(""), suffix: z.string().max(200).default("") }),
  stance: z.enum(["support", "oppose", "question", "neutral"]),
  visibility: z.enum(["everyone", "facilitators"]).default("everyone"),
  body: ZCommentBody,
});
export type TCreateThread = z.infer<typeof ZCreateThread>;

export const ZReply = z.object({ body: ZCommentBody });
export type TReply = z.infer<typeof ZReply>;

export const ZThreadStatus = z.object({ status: z.enum(["open", "resolved"]) });
export type TThreadStatus = z.infer<typeof ZThreadStatus>;
