/**
 * Seeds a draft plan from an imported dialogue: each template section gets
 * its guidance note, one bullet per list item it answers (with a confirmed
 * link to that item), and suggested links to the statements most relevant to
 * it. One transaction; seeding a dialogue that has a plan changes nothing.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { ensureConcernRegister } from "@/lib/concerns/ensure-concern-register";
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import type { SummaryListName } from "@/lib/dialogue/types";
import { bulletList, doc, paragraph, toPlainText } from "@/lib/editor/plan-document";
import type { LinkRelation } from "@/lib/generated/prisma/enums";
import { suggestSources } from "@/lib/provenance/suggest-sources";
import { answersItem, PLAN_TEMPLATE } from "./template";
import type { TemplateSection } from "./template";

/** How a section relates to an item of each list it answers. */
const RELATION_BY_LIST: Record<SummaryListName, LinkRelation> = {
  consensus: "derived_from",
  gaps: "derived_from",
  should: "derived_from",
  inFavour: "supports",
  concerns: "responds_to_concern",
};

/** How a seeded bullet says what it is; the "should" items are the plan's own words. */
const BULLET_PREFIX: Record<SummaryListName, string> = {
  should: "",
  consensus: "Agreed: ",
  gaps: "Gap to close: ",
  inFavour: "In favour: ",
  concerns: "Concern to answer: ",
};

/** Statements suggested per section at seeding time. */
const SUGGESTIONS_PER_SECTION = 5;

type Item = { id: string; key: string; list: SummaryListName; text: string };

export type SeedResult = {
  planId: string;
  status: "created" | "unchanged";
  sections: number;
  confirmedLinks: number;
  suggestedLinks: number;
};

export async function seedPlan({
  dialogueId,
  actorId = null,
}: {
  dialogueId: string;
  actorId?: string | null;
}): Promise<SeedResult> {
  return getPrisma().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${dialogueId}`}))`;
      const existing = await tx.plan.findFirst({
        where: { dialogueId },
        include: { _count: { select: { sections: true } } },
      });
      if (existing)
        return {
          planId: existing.id,
          status: "unchanged" as const,
          sections: existing._count.sections,
          confirmedLinks: 0,
          suggestedLinks: 0,
        };
      const { planId, ...counts } = await writePlan(tx, { dialogueId, actorId });
      return { planId, status: "created" as const, ...counts };
    },
    { timeout: 60_000 },
  );
}

/**
 * Writes a new plan for the dialogue: its sections with their links, its concern register, and the audit entry.
 * Seeding calls it once per dialogue; tests call it for a plan of their own (test/support/factories.ts).
 */
export async function writePlan(
  tx: Tx,
  { dialogueId, actorId = null }: { dialogueId: string; actorId?: string | null },
): Promise<Omit<SeedResult, "status">> {
  const dialogue = await tx.dialogue.findUniqueOrThrow({ where: { id: dialogueId } });
  const plan = await tx.plan.create({
    data: { dialogueId, title: `Global Plan of Action: ${dialogue.topic ?? dialogue.title}` },
  });
  const counts = await writeSkeleton(tx, { planId: plan.id, dialogueId });
  // The dialogue's concerns go on the register now, raised until a facilitator answers them.
  await ensureConcernRegister({ planId: plan.id, tx });
  await appendAudit(tx, {
    userId: actorId,
    action: "plan.seed",
    resourceType: "plan",
    resourceId: plan.id,
    detail: { dialogueId, ...counts },
  });
  return { planId: plan.id, sections: PLAN_TEMPLATE.length, ...counts };
}

/** Writes the template's sections and their links into an empty plan. Shared by seeding and reset. */
export async function writeSkeleton(tx: Tx, { planId, dialogueId }: { planId: string; dialogueId: string }) {
  const items: Item[] = await tx.summaryItem.findMany({
    where: { dialogueId },
    orderBy: [{ list: "asc" }, { position: "asc" }],
    select: { id: true, key: true, list: true, text: true },
  });
  let confirmedLinks = 0;
  let suggestedLinks = 0;
  for (const [position, template] of PLAN_TEMPLATE.entries()) {
    const answered = findAnsweredItems(template, items);
    const content = doc([
      paragraph(`${template.key}.guidance`, template.guidance, [{ type: "italic" }]),
      ...(answered.length
        ? [
            bulletList(
              answered.map((item) => ({
                blockId: `${template.key}.${item.key}`,
                text: `${BULLET_PREFIX[item.list]}${item.text}`,
              })),
            ),
          ]
        : []),
    ]);
    const section = await tx.planSection.create({
      data: {
        planId,
        key: template.key,
        title: template.title,
        position,
        guidance: template.guidance,
        content,
        text: toPlainText(content),
      },
    });
    await tx.provenanceLink.createMany({
      data: answered.map((item) => ({
        planId,
        sectionId: section.id,
        blockId: `${template.key}.${item.key}`,
        quoteExact: item.text,
        targetType: "summary_item" as const,
        targetKey: `summary-item:${item.id}`,
        summaryItemId: item.id,
        relation: RELATION_BY_LIST[item.list],
        status: "confirmed" as const,
        confirmedAt: new Date(),
      })),
    });
    confirmedLinks += answered.length;
    suggestedLinks += await suggestForSection(tx, { planId, sectionId: section.id, dialogueId, template, answered });
  }
  return { confirmedLinks, suggestedLinks };
}

function findAnsweredItems(template: TemplateSection, items: Item[]): Item[] {
  return items.filter((item) => answersItem(template.answers[item.list] ?? [], item.text));
}

async function suggestForSection(
  tx: Tx,
  {
    planId,
    sectionId,
    dialogueId,
    template,
    answered,
  }: { planId: string; sectionId: string; dialogueId: string; template: TemplateSection; answered: Item[] },
): Promise<number> {
  const text = [template.title, template.guidance, ...answered.map((i) => i.text)].join("\n");
  const suggestions = (await suggestSources({ dialogueId, text, limit: 30, db: tx }))
    .filter((s) => s.target.type === "statement")
    .slice(0, SUGGESTIONS_PER_SECTION);
  await tx.provenanceLink.createMany({
    data: suggestions.map((s) => ({
      planId,
      sectionId,
      blockId: "",
      targetType: "statement" as const,
      targetKey: s.targetKey,
      statementId: s.target.id,
      sentenceId: s.target.sentenceId,
      relation: "supports" as const,
      status: "suggested" as const,
      score: s.score,
    })),
  });
  return suggestions.length;
}
