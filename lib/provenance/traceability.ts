/** The traceability matrix (summary items × plan sections) and the concerns with the passages that answer them. */
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import { IN_LIVE_SECTION, LIVE_SECTION } from "@/lib/plan/section-scope";

export type Cell = "confirmed" | "suggested" | null;

export async function buildTraceabilityMatrix({ viewer, planId }: { viewer: Actor; planId: string }) {
  authorize(viewer, "plan.read");
  const prisma = getPrisma();
  const plan = await prisma.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      dialogueId: true,
      sections: { where: LIVE_SECTION, orderBy: { position: "asc" }, select: { id: true, key: true, title: true } },
    },
  });
  const [items, links] = await Promise.all([
    prisma.summaryItem.findMany({
      where: { dialogueId: plan.dialogueId },
      select: { id: true, key: true, list: true, n: true, text: true },
    }),
    prisma.provenanceLink.findMany({
      where: { planId, summaryItemId: { not: null }, status: { in: ["confirmed", "suggested"] }, ...IN_LIVE_SECTION },
      select: { sectionId: true, summaryItemId: true, status: true },
    }),
  ]);
  const cells = new Map<string, Cell>();
  for (const link of links) {
    const key = `${link.summaryItemId}|${link.sectionId}`;
    if (link.status === "confirmed" || !cells.has(key)) cells.set(key, link.status as Cell);
  }
  const listOrder = (list: string) => SUMMARY_LISTS.indexOf(list as (typeof SUMMARY_LISTS)[number]);
  const rows = items
    .sort((a, b) => listOrder(a.list) - listOrder(b.list) || a.n - b.n)
    .map((item) => ({ item, cells: plan.sections.map((s) => cells.get(`${item.id}|${s.id}`) ?? null) }));
  return { sections: plan.sections, rows };
}

/** RFC 4180 CSV of the matrix: one row per list item, one column per section; C = confirmed, S = suggested. */
export function toTraceabilityCsv(matrix: Awaited<ReturnType<typeof buildTraceabilityMatrix>>): string {
  const header = ["item", "list", "text", ...matrix.sections.map((s) => s.key)];
  const lines = matrix.rows.map(({ item, cells }) => [
    item.key,
    item.list,
    item.text,
    ...cells.map((c) => (c === "confirmed" ? "C" : c === "suggested" ? "S" : "")),
  ]);
  // The byte order mark tells spreadsheet programs the file is UTF-8 (names with accents).
  return "\uFEFF" + [header, ...lines].map((line) => line.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvField(value: string): string {
  // A leading = + - @ (or a tab or CR before one) would run as a formula in a spreadsheet; a quote keeps it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Each concern with the passages (section, block, quote) that answer it. */
export async function listConcernAnswers({ planId }: { planId: string }) {
  const prisma = getPrisma();
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId }, select: { dialogueId: true } });
  return prisma.summaryItem.findMany({
    where: { dialogueId: plan.dialogueId, list: "concerns" },
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      n: true,
      text: true,
      links: {
        where: {
          planId,
          relation: "responds_to_concern",
          status: { in: ["confirmed", "suggested"] },
          ...IN_LIVE_SECTION,
        },
        select: { id: true, status: true, blockId: true, section: { select: { key: true, title: true } } },
      },
    },
  });
}
