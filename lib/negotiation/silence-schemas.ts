/** Inputs of the silence endpoints, checked with zod; and the procedure as pages, exports and the API show it. */
import { z } from "zod";

export const ZStartSilence = z.object({
  /** The revision to put under silence: it must be the current round's (Rev.N). */
  versionId: z.string().trim().min(1, "name the revision").max(64),
  /** Until when delegations may break silence; an ISO date with its offset, in the future. */
  endsAt: z.iso
    .datetime({ offset: true, message: "give a date and time with its offset, e.g. 2026-12-10T14:00:00Z" })
    .transform((value) => new Date(value))
    .refine((date) => date.getTime() > Date.now(), "must be in the future"),
});
export type TStartSilence = z.infer<typeof ZStartSilence>;

export const ZBreakSilence = z.object({
  /** Why the delegation objects: recorded, and shown to everyone on the plan page. */
  reason: z.string().trim().min(1, "say why your delegation breaks silence").max(2000),
});
export type TBreakSilence = z.infer<typeof ZBreakSilence>;

/**
 * The plan's latest silence procedure in its current round: "under_silence" until endsAt, then "adopted" unless a
 * delegation broke it ("broken"). Dates are ISO strings (the view travels to the browser and into JSON exports).
 */
export type TSilenceView = {
  id: string;
  state: "under_silence" | "adopted" | "broken";
  versionId: string;
  /** The revision's label, e.g. "Rev.2". */
  revision: string;
  endsAt: string;
  startedAt: string;
  adoptedAt: string | null;
  brokenAt: string | null;
  /** The delegation that broke silence, by name. */
  brokenBy: string | null;
  breakReason: string | null;
};
