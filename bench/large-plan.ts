/**
 * A large plan for the export benchmark: `sectionCount` sections drawn from
 * the 2009 dialogue, each with 3 paragraphs and a 3-item list; every passage
 * cites a sentence inline, and each section has 2 confirmed sources it does
 * not cite and 3 suggested ones.
 */
import type { JSONContent } from "@tiptap/core";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { log } from "./bench-support";

const WORDS =
  "the plan shall strengthen prevention protection prosecution and partnership against trafficking in persons with resources data and victim centred cooperation".split(
    " ",
  );

function sentenceOf(seed: number, length: number): string {
  const words = Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return words.join(" ").replace(/^./, (c) => c.toUpperCase());
}

export async function createLargePlan(prisma: PrismaClient, sectionCount: number): Promise<string> {
  const sentences = await prisma.sentence.findMany({ where: { dialogueId: SEED_DIALOGUE_ID }, orderBy: { id: "asc" } });
  const items = await prisma.summaryItem.findMany({ where: { dialogueId: SEED_DIALOGUE_ID }, orderBy: { id: "asc" } });
  const statements = await prisma.statement.findMany({
    where: { dialogueId: SEED_DIALOGUE_ID },
    orderBy: { id: "asc" },
  });
  const plan = await prisma.plan.create({
    data: { dialogueId: SEED_DIALOGUE_ID, title: "Global Plan of Action (benchmark, 200 sections)" },
  });
  const sections: Prisma.PlanSectionCreateManyInput[] = [];
  const links: Prisma.ProvenanceLinkCreateManyInput[] = [];
  for (let s = 0; s < sectionCount; s++) {
    const sectionId = `bench-section-${s}`;
    const key = `section-${s}`;
    const cite = (b: number) => {
      const blockId = `${key}.b${b}`;
      const sentence = sentences[(s * 6 + b) % sentences.length];
      const linkId = `bench-link-${s}-${b}`;
      links.push({
        id: linkId,
        planId: plan.id,
        sectionId,
        blockId,
        quoteExact: sentenceOf(s + b, 12),
        targetType: "statement",
        targetKey: `sentence:${sentence.id}`,
        statementId: sentence.statementId,
        sentenceId: sentence.id,
        relation: "quotes",
        status: "confirmed",
        cited: true,
        confirmedAt: new Date(),
      });
      return {
        blockId,
        content: [
          { type: "text", text: `${sentenceOf(s * 10 + b, 60)}.` },
          { type: "citation", attrs: { linkId } },
        ] as JSONContent[],
      };
    };
    const paragraphs = [0, 1, 2].map((b) => {
      const { blockId, content } = cite(b);
      return { type: "paragraph", attrs: { blockId }, content };
    });
    const list = {
      type: "bulletList",
      content: [3, 4, 5].map((b) => {
        const { blockId, content } = cite(b);
        return {
          type: "listItem",
          attrs: { blockId },
          content: [{ type: "paragraph", attrs: { blockId: `${blockId}.p` }, content }],
        };
      }),
    };
    for (let i = 0; i < 2; i++) {
      const item = items[(s * 2 + i) % items.length];
      links.push({
        planId: plan.id,
        sectionId,
        blockId: `${key}.b${i}`,
        quoteExact: "",
        targetType: "summary_item",
        targetKey: `summary-item:${item.id}`,
        summaryItemId: item.id,
        relation: "derived_from",
        status: "confirmed",
        confirmedAt: new Date(),
      });
    }
    for (let i = 0; i < 3; i++) {
      const statement = statements[(s * 3 + i) % statements.length];
      links.push({
        planId: plan.id,
        sectionId,
        blockId: "",
        targetType: "statement",
        targetKey: `statement:${statement.id}`,
        statementId: statement.id,
        relation: "supports",
        status: "suggested",
        score: 1 / (i + 1),
      });
    }
    const content = { type: "doc", content: [...paragraphs, list] };
    sections.push({
      id: sectionId,
      planId: plan.id,
      key,
      title: `Section ${s + 1}: ${sentenceOf(s, 5)}`,
      position: s,
      guidance: "",
      content,
      text: sentenceOf(s, 300),
    });
  }
  await prisma.planSection.createMany({ data: sections });
  await prisma.provenanceLink.createMany({ data: links });
  log(`plan: ${sectionCount} sections, ${links.length} links`);
  return plan.id;
}
