/**
 * Makes sure a plan's register holds every `concerns` item of its dialogue.
 * Called on seeding and resetting a plan, and on every read of the register,
 * so plans seeded before the register existed get their rows on first read.
 * A new row is `raised`: only a facilitator marks a concern addressed or
 * noted. (Seeding links each concern from the section where it must be
 * answered, and does not restate it: saying a concern again is not an
 * answer.)
 *
 * It also repairs answers that went away: resetting a plan deletes the old
 * sections, and with them the passage an entry pointed at. Such an entry goes
 * back to `raised` — a concern never looks answered by a passage that is
 * gone. Idempotent: when nothing is missing, it writes nothing.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type EnsureResult = { created: number[]; repaired: number[] };

export async function ensureConcernRegister({ planId, tx }: { planId: string; tx?: Tx }): Promise<EnsureResult> {
  if (tx) return ensureInTransaction(tx, planId);
  // The common case, a complete register, costs two counts and no lock or write.
  const state = await checkRegister(getPrisma(), planId);
  if (state === "missing-plan") throw new AppError("not_found", "No such plan.");
  if (state === "complete") return { created: [], repaired: [] };
  return getPrisma().$transaction((inner) => ensureInTransaction(inner, planId));
}

async function checkRegister(db: Tx, planId: string): Promise<"complete" | "incomplete" | "missing-plan"> {
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { dialogueId: true } });
  if (!plan) return "missing-plan";
  const [items, registered, lost] = await Promise.all([
    db.summaryItem.count({ where: { dialogueId: plan.dialogueId, list: "concerns" } }),
    db.concern.count({ where: { planId, origin: "dialogue" } }),
    db.concern.count({ where: { planId, status: "addressed", answerSectionId: null } }),
  ]);
  return registered < items || lost > 0 ? "incomplete" : "complete";
}

async function ensureInTransaction(tx: Tx, planId: string): Promise<EnsureResult> {
  // Numbers are handed out one at a time per plan (marking a comment takes the same lock).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`concerns:${planId}`}))`;
  const plan = await tx.plan.findUnique({ where: { id: planId }, select: { dialogueId: true } });
  if (!plan) throw new AppError("not_found", "No such plan.");
  const [items, registered, last] = await Promise.all([
    tx.summaryItem.findMany({
      where: { dialogueId: plan.dialogueId, list: "concerns" },
      orderBy: { position: "asc" },
      select: { id: true, key: true, text: true },
    }),
    tx.concern.findMany({ where: { planId, origin: "dialogue" }, select: { summaryItemId: true } }),
    tx.concern.aggregate({ where: { planId }, _max: { number: true } }),
  ]);
  const known = new Set(registered.map((c) => c.summaryItemId));
  let number = last._max.number ?? 0;
  const created: number[] = [];
  for (const item of items.filter((i) => !known.has(i.id))) {
    number += 1;
    await tx.concern.create({
      data: { planId, number, origin: "dialogue", summaryItemId: item.id, text: item.text, status: "raised" },
    });
    created.push(number);
  }
  const repaired = await repairLostAnswers(tx, planId);
  if (created.length || repaired.length) {
    await appendAudit(tx, {
      userId: null,
      action: "concern.register_ensure",
      resourceType: "plan",
      resourceId: planId,
      detail: { created, repaired },
    });
  }
  return { created, repaired };
}

async function repairLostAnswers(tx: Tx, planId: string): Promise<number[]> {
  const lost = await tx.concern.findMany({
    where: { planId, status: "addressed", answerSectionId: null },
    select: { id: true, number: true },
  });
  if (lost.length)
    await tx.concern.updateMany({
      where: { id: { in: lost.map((concern) => concern.id) } },
      data: {
        status: "raised",
        answerBlockId: null,
        answerQuote: null,
        answerLinkId: null,
        decidedById: null,
        decidedAt: new Date(),
      },
    });
  return lost.map((c) => c.number);
}
