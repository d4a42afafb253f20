/**
 * A facilitator adds a section at a place in the plan: an empty document
 * under a title, with a key made from the title (unique in the plan, removed
 * sections included, since a version may bring one back).
 */
import type { Actor } from "@/lib/auth/policies";
import type { Tx } from "@/lib/db";
import { doc, paragraph, toPlainText } from "@/lib/editor/plan-document";
import { newBlockId } from "@/lib/editor/block-ids";
import { changeStructure, settleParts } from "./change-structure";
import type { StructureSection } from "./change-structure";
import type { TAddSection } from "./schemas";

export async function addSection({ actor, planId, input }: { actor: Actor; planId: string; input: TAddSection }) {
  return changeStructure({
    actor,
    planId,
    expectedRevision: input.expectedRevision,
    change: {
      apply: async (tx, sections) => {
        const key = await chooseSectionKey(tx, { planId, title: input.title });
        const content = doc([paragraph(newBlockId(), "")]);
        const created = await tx.planSection.create({
          data: {
            planId,
            key,
            title: input.title,
            position: sections.length,
            guidance: "",
            content,
            text: toPlainText(content),
          },
          select: { id: true, key: true, title: true, part: true, level: true },
        });
        const placed: StructureSection = { ...created, level: input.level, part: input.part ?? created.part };
        const at = Math.min(input.position, sections.length);
        const order = settleParts([...sections.slice(0, at), placed, ...sections.slice(at)], {
          id: created.id,
          part: input.part,
        });
        return { sections: order, result: { section: order.find((s) => s.id === created.id)! } };
      },
      audit: { action: "plan.section.add", resourceType: "plan_section", resourceId: (r) => r.section.id },
      detail: ({ section }) => ({
        key: section.key,
        title: section.title,
        position: input.position,
        level: section.level,
        part: section.part,
      }),
    },
  });
}

/** "Trafficking of organs" → "trafficking-of-organs", or "-2", "-3" when the plan has it already. */
async function chooseSectionKey(tx: Tx, { planId, title }: { planId: string; title: string }): Promise<string> {
  const base =
    title
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "section";
  const taken = new Set(
    (await tx.planSection.findMany({ where: { planId, key: { startsWith: base } }, select: { key: true } })).map(
      (s) => s.key,
    ),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
