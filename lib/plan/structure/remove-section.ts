/**
 * A facilitator removes a section. It is not deleted: its text, provenance
 * links, threads and amendments stay, shown as "removed with the section",
 * and a version taken before the removal brings it all back. The
 * collaboration servers stop taking edits to its document at once.
 */
import type { Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { sendCollabNotice } from "@/lib/live/channels";
import { changeStructure, settleParts } from "./change-structure";
import type { TRemoveSection } from "./schemas";

export async function removeSection({
  actor,
  planId,
  sectionId,
  input,
}: {
  actor: Actor;
  planId: string;
  sectionId: string;
  input: TRemoveSection;
}) {
  return changeStructure({
    actor,
    planId,
    expectedRevision: input.expectedRevision,
    change: {
      apply: async (tx, sections) => {
        const removed = sections.find((section) => section.id === sectionId);
        if (!removed) throw new AppError("not_found", "No such section in this plan.");
        if (sections.length === 1) throw new AppError("conflict", "A plan keeps at least one section.");
        await tx.planSection.update({ where: { id: sectionId }, data: { removedAt: new Date() } });
        await sendCollabNotice(tx, { type: "section-removed", planId, sectionId });
        const counts = await tx.planSection.findUniqueOrThrow({
          where: { id: sectionId },
          select: { _count: { select: { links: true, threads: true, amendments: true } } },
        });
        return {
          sections: settleParts(sections.filter((section) => section.id !== sectionId)),
          result: { section: removed, kept: counts._count },
        };
      },
      audit: { action: "plan.section.remove", resourceType: "plan_section", resourceId: (r) => r.section.id },
      detail: ({ section, kept }) => ({ key: section.key, title: section.title, kept }),
    },
  });
}
