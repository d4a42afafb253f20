/** Input schemas for amendments, shared by route handlers and tests. */
import { z } from "zod";
import { plainText, ZBlockId, ZQuoteSelector } from "@/lib/plan/passage-schemas";

const ZTarget = {
  sectionKey: z.string().min(1).max(100),
  blockId: ZBlockId,
  quote: ZQuoteSelector,
  rationale: plainText({ max: 5000 }),
};

/** Replace or insert carries new text; a deletion carries none. */
export const ZProposeAmendment = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("replace"), newText: plainText({ max: 5000 }), ...ZTarget }),
  z.object({ kind: z.literal("insert_after"), newText: plainText({ max: 5000 }), ...ZTarget }),
  z.object({ kind: z.literal("delete"), ...ZTarget }),
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
