/** How requests name a passage of a plan section: shared by comments, amendments and citations. */
import { z } from "zod";

export const ZBlockId = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, "must be a block id");

/** W3C TextQuoteSelector: the exact text with a little context on either side. */
export const ZQuoteSelector = z.object({
  exact: z.string().min(1).max(2000),
  prefix: z.string().max(200).default(""),
  suffix: z.string().max(200).default(""),
});

// Control and bidirectional-override characters could disguise text; newlines and tabs are fine.
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Plain text a person typed: stored as typed, always rendered as text, so markup and script stay inert. */
export function plainText({ max }: { max: number }) {
  return z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max)
    .refine((text) => !HIDDEN_CHARACTERS.test(text), "must not contain control characters");
}
