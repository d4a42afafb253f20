/**
 * A facilitator restores the whole plan, or one section, from a version.
 * Nothing is lost: in the same transaction a `before_restore` version of
 * the plan as it stands is written first. Each section's document is then
 * replaced through Yjs (editSectionState: row lock, the three stored forms,
 * links reconciled — a citation that comes back restores its link), and the
 * collaboration servers are told to merge the stored state, so connected
 * editors see the restored text live. Audited.
 *
 * Sections that the version has but the plan no longer has (a reset changed
 * the skeleton) are reported, not recreated: a section is a row with its own
 * threads and amendments, and inventing one is not a restore. Comment marks
 * are part of the text, so a thread opened after the version loses its mark
 * and shows as detached, as it does when its text is deleted.
 */
import type { JSONContent } from "@tiptap/core";
import { appendAudit } from "@/lib/audit/append-audit";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { sendCollabNotice } from "@/lib/live/channels";
import { editSectionState } from "@/lib/plan/section-document";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { replaceDocument } from "./replace-document";
import type { TRestoreVersion } from "./schemas";
import { writeVersion } from "./write-version";

export async function restoreVersion({
  actor,
  planId,
  input,
}: {
  actor: Actor;
  planId: string;
  input: TRestoreVersion;
}) {
  authorize(actor, "version.restore");
  return getPrisma().$transaction(
    async (tx) => {
      const version = await tx.planVersion.findFirst({
        where: { id: input.versionId, planId },
        select: {
          id: true,
          number: true,
          label: true,
          sections: {
            where: input.sectionKey ? { key: input.sectionKey } : {},
            orderBy: { position: "asc" },
            select: { key: true, content: true },
          },
        },
      });
      if (!version) throw new AppError("not_found", "No such version of this plan.");
      if (input.sectionKey && !version.sections.length)
        throw new AppError("not_found", `Version "${version.label}" has no section "${input.sectionKey}".`);
      const before = await writeVersion({ tx, planId, kind: "before_restore", createdById: actor.id });
      const current = new Map(
        (await tx.planSection.findMany({ where: { planId }, select: { id: true, key: true } })).map((s) => [
          s.key,
          s.id,
        ]),
      );
      const restored: string[] = [];
      const unchanged: string[] = [];
      const missing: string[] = [];
      for (const section of version.sections) {
        const sectionId = current.get(section.key);
        if (!sectionId) {
          missing.push(section.key);
          continue;
        }
        const { result } = await editSectionState(
          tx,
          { planId, sectionId },
          {
            edit: (doc) => replaceDocument({ doc, content: section.content as JSONContent }) || false,
            actorId: actor.id,
          },
        );
        if (result === false) {
          unchanged.push(section.key);
          continue;
        }
        restored.push(section.key);
        await sendCollabNotice(tx, { type: "merge-stored", planId, sectionId });
      }
      const result = {
        version: { id: version.id, number: version.number, label: version.label },
        beforeVersion: { id: before.id, number: before.number, label: before.label },
        restored,
        unchanged,
        missing,
      };
      await appendAudit(tx, {
        userId: actor.id,
        action: "version.restore",
        resourceType: "plan_version",
        resourceId: version.id,
        detail: { planId, sectionKey: input.sectionKey ?? null, ...result },
      });
      return result;
    },
    { timeout: 60_000 },
  );
}
