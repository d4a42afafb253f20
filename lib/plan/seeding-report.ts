/**
 * The seeding report: every list item of the plan's dialogue, the sections
 * seeding put it in and how it was matched (SeedPlacement rows, written by
 * lib/plan/seed-plan.ts). Items that fell back to the fallback section, and
 * items placed nowhere, are what a facilitator should look at first. The
 * page, the command line and the tests read it from here.
 */
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import type { SummaryListName } from "@/lib/dialogue/types";
import { AppError } from "@/lib/errors";
import type { SeedMethod } from "@/lib/generated/prisma/enums";
import { LIST_ORDER } from "./seed-plan";
import { findPlanTemplate } from "./templates";

export type ReportPlacement = { sectionKey: string; sectionTitle: string; method: SeedMethod; evidence: string };

export type ReportRow = {
  itemId: string;
  list: SummaryListName;
  n: number;
  text: string;
  placements: ReportPlacement[];
  /** Matched no section: in the fallback only ("should" items, concerns), or nowhere (the other lists). */
  state: "placed" | "fell_back" | "not_placed";
};

export type SeedingReport = {
  planId: string;
  title: string;
  templateName: string;
  rows: ReportRow[];
  counts: Record<ReportRow["state"], number>;
};

export async function readSeedingReport({ planId, db = getPrisma() }: { planId: string; db?: Tx }) {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: { id: true, title: true, templateKey: true, dialogueId: true },
  });
  if (!plan) throw new AppError("not_found", "No such plan.");
  const [items, placements] = await Promise.all([
    db.summaryItem.findMany({
      where: { dialogueId: plan.dialogueId },
      orderBy: { position: "asc" },
      select: { id: true, list: true, n: true, text: true },
    }),
    db.seedPlacement.findMany({ where: { planId }, orderBy: { createdAt: "asc" } }),
  ]);
  const rows = items
    .sort((a, b) => LIST_ORDER.indexOf(a.list) - LIST_ORDER.indexOf(b.list))
    .map((item) =>
      toRow(
        item,
        placements.filter((p) => p.summaryItemId === item.id),
      ),
    );
  const counts = { placed: 0, fell_back: 0, not_placed: 0 };
  for (const row of rows) counts[row.state] += 1;
  return {
    planId,
    title: plan.title,
    templateName: findPlanTemplate(plan.templateKey)?.name ?? plan.templateKey,
    rows,
    counts,
  } satisfies SeedingReport;
}

function toRow(item: { id: string; list: SummaryListName; n: number; text: string }, placements: ReportPlacement[]) {
  const state: ReportRow["state"] = !placements.length
    ? "not_placed"
    : placements.every((p) => p.method === "fallback")
      ? "fell_back"
      : "placed";
  return {
    itemId: item.id,
    list: item.list,
    n: item.n,
    text: item.text,
    placements: placements.map(({ sectionKey, sectionTitle, method, evidence }) => ({
      sectionKey,
      sectionTitle,
      method,
      evidence,
    })),
    state,
  } satisfies ReportRow;
}
