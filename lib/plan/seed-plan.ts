/**
 * Seeds a draft plan from an imported dialogue with a template
 * (lib/plan/templates/): each section gets its guidance note and, as bullets,
 * the list items placed there (lib/plan/place-items.ts) with a confirmed link
 * to each. Every "should" item and every concern has a home. A concern is not
 * restated as draft text (saying it again does not answer it): its section
 * gets a responds_to_concern link, and the register keeps it raised until a
 * facilitator marks it addressed or noted. Where each item went, and why, is
 * recorded as the seeding report. One transaction; seeding a dialogue again
 * with the same template changes nothing.
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { ensureConcernRegister } from "@/lib/concerns/ensure-concern-register";
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import type { SummaryListName } from "@/lib/dialogue/types";
import { bulletList, doc, paragraph, toPlainText } from "@/lib/editor/plan-document";
import { AppError } from "@/lib/errors";
import type { LinkRelation } from "@/lib/generated/prisma/enums";
import { suggestSources } from "@/lib/provenance/suggest-sources";
import { inOrder, readLexemes } from "@/lib/text/read-lexemes";
import type { Placement, PlaceableSection } from "./place-items";
import { placeItem } from "./place-items";
import type { PlanTemplate, TemplateSection } from "./templates";
import { DEFAULT_TEMPLATE_KEY, fillTopic, findPlanTemplate } from "./templates";

/** How a section relates to an item of each list it holds. */
const RELATION_BY_LIST: Record<SummaryListName, LinkRelation> = {
  consensus: "derived_from",
  gaps: "derived_from",
  should: "derived_from",
  inFavour: "supports",
  concerns: "responds_to_concern",
};

/** The label beside a seeded bullet, saying which list it came from; the "should" items are the plan's own words. */
const LABEL_BY_LIST: Partial<Record<SummaryListName, string>> = {
  consensus: "Agreed",
  gaps: "Gap",
  inFavour: "In favour",
};

/** The order of bullets in a section: the plan's own items first. */
export const LIST_ORDER: SummaryListName[] = ["should", "consensus", "gaps", "inFavour", "concerns"];

/**
 * Seeding writes a dozen sections with their links and suggestions in one transaction: up to a minute on a busy
 * machine, and up to 15 s to get a connection when the pool is busy (Prisma's default wait is 2 s).
 */
export const SEED_TRANSACTION = { maxWait: 15_000, timeout: 60_000 };

/** Statements suggested per section at seeding time. */
const SUGGESTIONS_PER_SECTION = 5;

type Item = { id: string; key: string; list: SummaryListName; text: string; keyPhrases: string[] };
type PlacedItem = Item & { placements: Placement[] };

export type SeedResult = {
  planId: string;
  status: "created" | "unchanged";
  templateKey: string;
  sections: number;
  confirmedLinks: number;
  suggestedLinks: number;
};

export async function seedPlan({
  dialogueId,
  templateKey = DEFAULT_TEMPLATE_KEY,
  actorId = null,
}: {
  dialogueId: string;
  templateKey?: string;
  actorId?: string | null;
}): Promise<SeedResult> {
  const template = requireTemplate(templateKey);
  return getPrisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan:${dialogueId}`}))`;
    const existing = await tx.plan.findFirst({
      where: { dialogueId, templateKey },
      orderBy: { createdAt: "asc" },
      include: { _count: { select: { sections: true } } },
    });
    if (existing)
      return {
        planId: existing.id,
        status: "unchanged" as const,
        templateKey,
        sections: existing._count.sections,
        confirmedLinks: 0,
        suggestedLinks: 0,
      };
    const { planId, ...counts } = await writePlan(tx, { dialogueId, templateKey: template.key, actorId });
    return { planId, status: "created" as const, ...counts };
  }, SEED_TRANSACTION);
}

/** The template of that key; an unknown key is the caller's mistake (400 naming `template`). */
export function requireTemplate(templateKey: string): PlanTemplate {
  const template = findPlanTemplate(templateKey);
  if (!template) throw new AppError("invalid", `No template "${templateKey}".`, { field: "template" });
  return template;
}

/**
 * Writes a new plan for the dialogue: its sections with their links, its concern register, and the audit entry.
 * Seeding calls it once per dialogue and template; tests call it for a plan of their own (test/support/factories.ts).
 */
export async function writePlan(
  tx: Tx,
  {
    dialogueId,
    templateKey = DEFAULT_TEMPLATE_KEY,
    actorId = null,
  }: { dialogueId: string; templateKey?: string; actorId?: string | null },
): Promise<Omit<SeedResult, "status">> {
  const template = requireTemplate(templateKey);
  const dialogue = await tx.dialogue.findUniqueOrThrow({ where: { id: dialogueId } });
  const plan = await tx.plan.create({
    data: {
      dialogueId,
      templateKey: template.key,
      title: fillTopic(template.documentTitle, dialogue.topic ?? dialogue.title),
    },
  });
  const counts = await writeSkeleton(tx, { planId: plan.id, dialogueId, template });
  // The dialogue's concerns go on the register now, raised until a facilitator answers them.
  await ensureConcernRegister({ planId: plan.id, tx });
  await appendAudit(tx, {
    userId: actorId,
    action: "plan.seed",
    resourceType: "plan",
    resourceId: plan.id,
    detail: { dialogueId, templateKey: template.key, ...counts },
  });
  return { planId: plan.id, templateKey: template.key, sections: template.sections.length, ...counts };
}

/** Writes the template's sections, their links and the seeding report into a plan. Shared by seeding and reset. */
export async function writeSkeleton(
  tx: Tx,
  { planId, dialogueId, template }: { planId: string; dialogueId: string; template: PlanTemplate },
) {
  const dialogue = await tx.dialogue.findUniqueOrThrow({ where: { id: dialogueId } });
  const items = await placeDialogueItems(tx, { dialogueId, template });
  await tx.seedPlacement.deleteMany({ where: { planId } });
  let confirmedLinks = 0;
  let suggestedLinks = 0;
  for (const [position, templateSection] of template.sections.entries()) {
    const held = items.filter((item) => item.placements.some((p) => p.sectionKey === templateSection.key));
    const section = await tx.planSection.create({
      data: sectionRow(templateSection, { planId, position, topic: dialogue.topic ?? dialogue.title, held }),
    });
    await tx.provenanceLink.createMany({ data: held.map((item) => linkRow(item, { planId, section })) });
    await tx.seedPlacement.createMany({
      data: held.map((item) => {
        const { method, evidence } = item.placements.find((p) => p.sectionKey === templateSection.key)!;
        return {
          planId,
          summaryItemId: item.id,
          sectionKey: section.key,
          sectionTitle: section.title,
          method,
          evidence,
        };
      }),
    });
    confirmedLinks += held.length;
    suggestedLinks += await suggestForSection(tx, { planId, sectionId: section.id, dialogueId, templateSection, held });
  }
  return { confirmedLinks, suggestedLinks };
}

/** The section's first content: its guidance, its starting paragraphs, and a bullet per item it holds (not concerns). */
function sectionRow(
  templateSection: TemplateSection,
  { planId, position, topic, held }: { planId: string; position: number; topic: string; held: PlacedItem[] },
) {
  const { key, title, guidance, part } = templateSection;
  const bullets = held
    .filter((item) => item.list !== "concerns")
    .map((item) => ({ blockId: `${key}.${item.key}`, text: item.text, label: LABEL_BY_LIST[item.list] }));
  const content = doc([
    paragraph(`${key}.guidance`, guidance, [{ type: "italic" }]),
    ...templateSection.content.map((text, i) => paragraph(`${key}.p${i + 1}`, fillTopic(text, topic))),
    ...(bullets.length ? [bulletList(bullets)] : []),
  ]);
  return { planId, key, title, position, part, guidance, content, text: toPlainText(content) };
}

/** A confirmed link from the item's bullet, or, for a concern, from the section's guidance: where it must be answered. */
function linkRow(
  item: PlacedItem,
  { planId, section }: { planId: string; section: { id: string; key: string; guidance: string } },
) {
  const isConcern = item.list === "concerns";
  return {
    planId,
    sectionId: section.id,
    blockId: isConcern ? `${section.key}.guidance` : `${section.key}.${item.key}`,
    quoteExact: isConcern ? section.guidance : item.text,
    targetType: "summary_item" as const,
    targetKey: `summary-item:${item.id}`,
    summaryItemId: item.id,
    relation: RELATION_BY_LIST[item.list],
    status: "confirmed" as const,
    confirmedAt: new Date(),
  };
}

/** The dialogue's list items, each with the sections of the template it goes to. */
export async function placeDialogueItems(
  tx: Tx,
  { dialogueId, template }: { dialogueId: string; template: PlanTemplate },
): Promise<PlacedItem[]> {
  const items: Item[] = await tx.summaryItem.findMany({
    where: { dialogueId },
    orderBy: [{ position: "asc" }],
    select: { id: true, key: true, list: true, text: true, keyPhrases: true },
  });
  items.sort((a, b) => LIST_ORDER.indexOf(a.list) - LIST_ORDER.indexOf(b.list));
  const sections = await readSections(tx, template);
  const itemWords = await readLexemes(
    tx,
    items.map((item) => withoutIgnored(item.text, template.ignore)),
  );
  const keyPhraseWords = await readLexemes(
    tx,
    items.map((item) => item.keyPhrases.join(" | ")),
  );
  return items.map((item, i) => ({
    ...item,
    placements: placeItem(
      { list: item.list, words: itemWords[i], keyPhraseWords: new Set(keyPhraseWords[i].keys()) },
      sections,
    ),
  }));
}

/** The values whose key has not come before, in order. */
function uniqueBy<T>(values: T[], keyOf: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = keyOf(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The text with the template's ignored phrases blanked out (any case), so they match no section. */
function withoutIgnored(text: string, ignore: string[]): string {
  const escaped = ignore.map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return escaped.length ? text.replace(new RegExp(`\\b(?:${escaped.join("|")})\\b`, "gi"), " ") : text;
}

/** The template's sections as placement reads them: phrases and profiles in lexemes. */
async function readSections(tx: Tx, template: PlanTemplate): Promise<PlaceableSection[]> {
  const phrases = template.sections.flatMap((s) => [...s.anchors, ...s.phrases]);
  const phraseWords = await readLexemes(tx, phrases);
  const lexemesOf = new Map(phrases.map((text, i) => [text, inOrder(phraseWords[i])]));
  // Title and phrases, not the guidance: its prose ("how they may be mobilized") would match any item's filler words.
  const profiles = await readLexemes(
    tx,
    template.sections.map((s) => [s.title, ...s.anchors, ...s.phrases].join("\n")),
  );
  return template.sections.map((s, i) => ({
    key: s.key,
    // "instrument" and "instruments" read the same: one phrase, so the item is not counted twice for it.
    phrases: uniqueBy(
      [
        ...s.anchors.map((text) => ({ text, lexemes: lexemesOf.get(text)!, isAnchor: true })),
        ...s.phrases.map((text) => ({ text, lexemes: lexemesOf.get(text)!, isAnchor: false })),
      ].filter((p) => p.lexemes.length),
      (p) => p.lexemes.join(" "),
    ),
    takes: s.takes,
    fallback: s.fallback,
    profile: profiles[i],
  }));
}

async function suggestForSection(
  tx: Tx,
  {
    planId,
    sectionId,
    dialogueId,
    templateSection,
    held,
  }: { planId: string; sectionId: string; dialogueId: string; templateSection: TemplateSection; held: Item[] },
): Promise<number> {
  const text = [templateSection.title, templateSection.guidance, ...held.map((i) => i.text)].join("\n");
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
