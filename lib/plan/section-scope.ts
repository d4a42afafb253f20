/**
 * Which sections are the plan's text: those not removed. The one where-builder
 * every reader of a plan's sections uses, so a removed section (kept for its
 * links, threads and amendments until a version brings it back) is nowhere
 * counted as part of the plan.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export const LIVE_SECTION = { removedAt: null } satisfies Prisma.PlanSectionWhereInput;

/** Rows that belong to a section (links, threads, amendments) whose section is still in the plan. */
export const IN_LIVE_SECTION = { section: LIVE_SECTION } satisfies { section: Prisma.PlanSectionWhereInput };
