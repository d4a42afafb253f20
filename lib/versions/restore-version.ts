/**
 * A facilitator restores the whole plan, or one section, from a version.
 * Nothing is lost: in the same transaction a `before_restore` version of
 * the plan as it stands is written first. Each section's document is then
 * replaced through Yjs (editSectionState: row lock, the three stored forms,
 * links reconciled — a citation that comes back restores its link), and the
 * collaboration servers are told to merge the stored state, so connected
 * editors see the restored text live. Audited.
 *
 * A version captures the structure too: restoring the whole plan brings back
 * the sections it had (a removed one with its links, threads and amendments),
 * their titles, order and levels, and the plan's title, and removes (keeps
 * aside) the sections added since. Sections that the version has but the plan
 * no longer has at all (a reset replaced the skeleton) are reported, not
 * recreated: a section is a row with its own threads and amendments, and
 * inventing one is not a restore. Comment marks
 * are part of the text, so a thread opened after the version loses its mark
 * and shows as detached, as it does when its text is deleted.
 */
import { assertTextOpen } from "@/lib/negotiation/negotiation-state";
import type { JSONContent } from "@tiptap/core";
import { appendAudit } from "@/lib/audit/append-audit";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { sendCollabNotice } from "@/lib/live/channels";
import { editSectionState } from "@/lib/plan/section-document";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import type { SectionPart } from "@/lib/generated/prisma/enums";
import { readStructure, settleParts } from "@/lib/plan/structure/change-structure";
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
      // Also asked by each section's edit (editSectionState); asked first here, before the safety version is written.
      await assertTextOpen(tx, planId);
      const version = await tx.planVersion.findFirst({
        where: { id: input.versionId, planId },
        select: {
          id: true,
          number: true,
          label: true,
          planTitle: true,
          sections: {
            where: input.sectionKey ? { key: input.sectionKey } : {},
            orderBy: { position: "asc" },
            select: { key: true, title: true, position: true, part: true, level: true, content: true },
          },
        },
      });
      if (!version) throw new AppError("not_found", "No such version of this plan.");
      if (input.sectionKey && !version.sections.length)
        throw new AppError("not_found", `Version "${version.label}" has no section "${input.sectionKey}".`);
      const before = await writeVersion({ tx, planId, kind: "before_restore", createdById: actor.id });
      const texts = await restoreTexts(tx, { planId, sections: version.sections, actorId: actor.id });
      const structure = input.sectionKey
        ? await restoreOneSection(tx, { planId, section: version.sections[0] })
        : await restoreStructure(tx, { planId, sections: version.sections, planTitle: version.planTitle });
      const result = {
        version: { id: version.id, number: version.number, label: version.label },
        beforeVersion: { id: before.id, number: before.number, label: before.label },
        ...texts,
        ...structure,
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

type VersionSection = {
  key: string;
  title: string;
  position: number;
  part: SectionPart;
  level: number;
  content: unknown;
};

/** Every section's text as the version has it, through Yjs; a section the plan no longer has at all is `missing`. */
async function restoreTexts(
  tx: Tx,
  { planId, sections, actorId }: { planId: string; sections: VersionSection[]; actorId: string },
) {
  const current = new Map(
    (await tx.planSection.findMany({ where: { planId }, select: { id: true, key: true } })).map((s) => [s.key, s.id]),
  );
  const restored: string[] = [];
  const unchanged: string[] = [];
  const missing: string[] = [];
  for (const section of sections) {
    const sectionId = current.get(section.key);
    if (!sectionId) {
      missing.push(section.key);
      continue;
    }
    const { result } = await editSectionState(
      tx,
      { planId, sectionId },
      { edit: (doc) => replaceDocument({ doc, content: section.content as JSONContent }) || false, actorId },
    );
    if (result === false) {
      unchanged.push(section.key);
      continue;
    }
    restored.push(section.key);
    await sendCollabNotice(tx, { type: "merge-stored", planId, sectionId });
  }
  return { restored, unchanged, missing };
}

/**
 * The plan's structure as the version has it: its sections back (a removed
 * one with its links, threads and amendments), with their titles, order,
 * parts and levels; sections added since are removed (kept, as any removed
 * section is); the plan's title as it was.
 */
async function restoreStructure(
  tx: Tx,
  { planId, sections, planTitle }: { planId: string; sections: VersionSection[]; planTitle: string | null },
) {
  const all = await tx.planSection.findMany({ where: { planId }, select: { id: true, key: true, removedAt: true } });
  const inVersion = new Map(sections.map((section, position) => [section.key, { ...section, position }]));
  // Dense positions in the version's order (a version taken before a removal may have gaps).
  const broughtBack: string[] = [];
  const removed: string[] = [];
  for (const row of all) {
    const section = inVersion.get(row.key);
    if (section) {
      if (row.removedAt) broughtBack.push(row.key);
      const { title, part, level, position } = section;
      await tx.planSection.update({ where: { id: row.id }, data: { title, part, level, position, removedAt: null } });
    } else if (!row.removedAt) {
      removed.push(row.key);
      await tx.planSection.update({ where: { id: row.id }, data: { removedAt: new Date() } });
      await sendCollabNotice(tx, { type: "section-removed", planId, sectionId: row.id });
    }
  }
  if (planTitle) await tx.plan.update({ where: { id: planId }, data: { title: planTitle } });
  await noteStructureChanged(tx, planId);
  return { broughtBack, removed };
}

/** One section: a removed one comes back where the version had it, with the version's title and level. */
async function restoreOneSection(tx: Tx, { planId, section }: { planId: string; section: VersionSection }) {
  const row = await tx.planSection.findUnique({
    where: { planId_key: { planId, key: section.key } },
    select: { id: true, title: true, level: true, removedAt: true },
  });
  if (!row) return { broughtBack: [], removed: [] };
  if (!row.removedAt && row.title === section.title && row.level === section.level)
    return { broughtBack: [], removed: [] };
  await tx.planSection.update({
    where: { id: row.id },
    data: { title: section.title, level: section.level, removedAt: null },
  });
  if (row.removedAt) await placeAmongLive(tx, { planId, sectionId: row.id, position: section.position });
  await noteStructureChanged(tx, planId);
  return { broughtBack: row.removedAt ? [section.key] : [], removed: [] };
}

/** Puts a section that came back at its version's place among the live ones (or last, if there are fewer now). */
async function placeAmongLive(
  tx: Tx,
  { planId, sectionId, position }: { planId: string; sectionId: string; position: number },
) {
  const live = await readStructure(tx, planId);
  const others = live.filter((s) => s.id !== sectionId);
  const at = Math.min(position, others.length);
  const order = settleParts([...others.slice(0, at), live.find((s) => s.id === sectionId)!, ...others.slice(at)]);
  for (const [index, s] of order.entries())
    await tx.planSection.update({ where: { id: s.id }, data: { position: index, part: s.part, level: s.level } });
}

async function noteStructureChanged(tx: Tx, planId: string): Promise<void> {
  await tx.plan.update({ where: { id: planId }, data: { structureRevision: { increment: 1 } } });
  await sendCollabNotice(tx, { type: "structure-changed", planId });
}
