/** Input schemas for amendments, shared by route handlers and tests. */
import { z } from "zod";
import { ZParagraphKind } from "@/lib/editor/paragraph-kinds";
import { plainText, ZBlockId, ZQuoteSelector } from "@/lib/plan/passage-schemas";

const ZTarget = {
  sectionKey: z.string().min(1).max(100),
  blockId: ZBlockId,
  quote: ZQuoteSelector,
  rationale: plainText({ max: 5000 }),
};

/**
 * A whole paragraph of the section: `blockId` names it (for an insertion, the
 * paragraph the new one goes after). No quote: the server records the
 * paragraph's text as last saved, which the amendment then depends on.
 */
const ZParagraphTarget = {
  sectionKey: ZTarget.sectionKey,
  blockId: ZBlockId,
  rationale: ZTarget.rationale,
};

/**
 * Replace or insert carries new text; a deletion carries none. On whole
 * paragraphs: a new paragraph ("5 bis") carries its text and, optionally, its
 * kind and sub-paragraph level (by default the anchor paragraph's); a move
 * names the paragraph of the same section it goes after.
 */
export const ZProposeAmendment = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("replace"), newText: plainText({ max: 5000 }), ...ZTarget }),
  z.object({ kind: z.literal("insert_after"), newText: plainText({ max: 5000 }), ...ZTarget }),
  z.object({ kind: z.literal("delete"), ...ZTarget }),
  z.object({
    kind: z.literal("insert_paragraph"),
    newText: plainText({ max: 5000 }),
    paragraphKind: ZParagraphKind.optional(),
    paragraphLevel: z.union([z.literal(1), z.literal(2)]).optional(),
    ...ZParagraphTarget,
  }),
  z.object({ kind: z.literal("delete_paragraph"), ...ZParagraphTarget }),
  z.object({ kind: z.literal("move_paragraph"), targetBlockId: ZBlockId, ...ZParagraphTarget }),
]);
export type TProposeAmendment = z.infer<typeof ZProposeAmendment>;

/** A rejection must say why; an acceptance may add a note. */
export const ZDecideAmendment = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept"), reason: plainText({ max: 2000 }).optional() }),
  z.object({ decision: z.literal("reject"), reason: plainText({ max: 2000 }) }),
]);
export type TDecideAmendment = z.infer<typeof ZDecideAmendment>;

export const AMENDMENT_STATES = ["pending", "stale", "accepted", "rejected", "withdrawn"] as const;
export type AmendmentState = (typeof AMENDMENT_STATES)[number];
