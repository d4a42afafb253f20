/** A facilitator renames a section, moves it to another place, or makes it a sub-heading (level 2) or a section again. */
import type { Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { changeStructure, settleParts } from "./change-structure";
import type { TChangeSection } from "./schemas";

export async function changeSection({
  actor,
  planId,
  sectionId,
  input,
}: {
  actor: Actor;
  planId: string;
  sectionId: string;
  input: TChangeSection;
}) {
  return changeStructure({
    actor,
    planId,
    expectedRevision: input.expectedRevision,
    change: {
      apply: async (tx, sections) => {
        const from = sections.findIndex((section) => section.id === sectionId);
        if (from < 0) throw new AppError("not_found", "No such section in this plan.");
        const before = sections[from];
        const section = { ...before, title: input.title ?? before.title, level: input.level ?? before.level };
        if (input.title !== undefined)
          await tx.planSection.update({ where: { id: sectionId }, data: { title: section.title } });
        const rest = sections.filter((s) => s.id !== sectionId);
        const to = Math.min(input.position ?? from, rest.length);
        const order = settleParts([...rest.slice(0, to), section, ...rest.slice(to)]);
        const after = order.find((s) => s.id === sectionId)!;
        return { sections: order, result: { section: after, from: { ...before, position: from }, position: to } };
      },
      audit: { action: "plan.section.change", resourceType: "plan_section", resourceId: (r) => r.section.id },
      detail: ({ section, from, position }) => ({
        key: section.key,
        title: { from: from.title, to: section.title },
        position: { from: from.position, to: position },
        level: { from: from.level, to: section.level },
        part: { from: from.part, to: section.part },
      }),
    },
  });
}
