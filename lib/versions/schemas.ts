/** Inputs of the version endpoints, checked with zod. */
import { z } from "zod";

export const ZCreateVersion = z.object({
  /** As the UN names drafts: "Zero draft", "Rev.1". */
  label: z.string().trim().min(1, "give the version a label").max(80),
});
export type TCreateVersion = z.infer<typeof ZCreateVersion>;

/** A version's id, or "live" for the draft as last saved. */
const ZSide = z.string().trim().min(1).max(64);

export const ZCompareVersions = z.object({ from: ZSide, to: ZSide });
export type TCompareVersions = z.infer<typeof ZCompareVersions>;

export const ZRestoreVersion = z.object({
  versionId: z.string().trim().min(1).max(64),
  /** One section; without it, the whole plan. */
  sectionKey: z.string().trim().min(1).max(100).optional(),
});
export type TRestoreVersion = z.infer<typeof ZRestoreVersion>;

/** The word the compare endpoint and page take for the live draft. */
export const LIVE = "live";
