/**
 * What a facilitator may change in a plan's structure, checked with zod. Every
 * change names the structure revision it was made against: the plan counts its
 * structural changes, and one made against an older count is refused (409), so
 * two facilitators never move or rename a section on a structure one of them
 * has not seen.
 */
import { z } from "zod";

const ZRevision = z.number().int().min(0);
const ZTitle = z.string().trim().min(1, "give it a title").max(200);
const ZPosition = z.number().int().min(0).max(500);
const ZPart = z.enum(["main", "annex"]);
const ZLevel = z.union([z.literal(1), z.literal(2)]);

export const ZAddSection = z.object({
  expectedRevision: ZRevision,
  title: ZTitle,
  /** Where among the plan's sections it goes, from 0; past the end is the end. */
  position: ZPosition,
  /** 2: a sub-heading under the section before it. */
  level: ZLevel.default(1),
  /** Only needed where the resolution's text meets its annex; elsewhere the neighbours decide. */
  part: ZPart.optional(),
});
export type TAddSection = z.infer<typeof ZAddSection>;

/** One change to a section: its title, its place, or its level; at least one. */
export const ZChangeSection = z
  .object({
    expectedRevision: ZRevision,
    title: ZTitle.optional(),
    position: ZPosition.optional(),
    level: ZLevel.optional(),
  })
  .refine((input) => input.title !== undefined || input.position !== undefined || input.level !== undefined, {
    message: "say what to change: title, position or level",
    path: ["title"],
  });
export type TChangeSection = z.infer<typeof ZChangeSection>;

export const ZRemoveSection = z.object({ expectedRevision: ZRevision });
export type TRemoveSection = z.infer<typeof ZRemoveSection>;

export const ZRetitlePlan = z.object({ expectedRevision: ZRevision, title: ZTitle });
export type TRetitlePlan = z.infer<typeof ZRetitlePlan>;
