/**
 * The plan as JSON: the whole plan with its sections (Tiptap JSON and Yjs
 * state), links, exclusions, comment threads, amendments, concerns and
 * versions, the dialogue it came from, and its users. This is also the backup
 * format: import-backup.ts restores it into an empty database.
 *
 * What a reader gets depends on who asks. The CLI (no viewer) and admins get
 * the full backup. Anyone else gets scope "reader": facilitators-only threads
 * (and concerns raised from them) only for facilitators, as on every other
 * route, and users without their email address, which only admins manage.
 * A reader's export cannot be restored.
 */
import { can, concernsVisibleWhere, threadsVisibleWhere } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  ZBackupAmendment,
  ZBackupComment,
  ZBackupConcern,
  ZBackupExclusion,
  ZBackupParagraphStatus,
  ZBackupRound,
  ZBackupSilence,
  ZBackupLink,
  ZBackupMention,
  ZBackupPlacement,
  ZBackupSection,
  ZBackupSponsor,
  ZBackupThread,
  ZBackupUser,
  ZBackupVersion,
  ZBackupVersionSection,
} from "./backup-schema";
import type { TBackupJson } from "./backup-schema";

export async function exportBackup({
  planId,
  viewer = null,
  now = new Date(),
}: {
  planId: string;
  /** Who asks; null for the command line, which is run by whoever holds the database. */
  viewer?: Actor | null;
  now?: Date;
}): Promise<TBackupJson> {
  const prisma = getPrisma();
  const plan = await prisma.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new AppError("not_found", `No plan ${planId}.`);
  // The command line (no viewer) is run by whoever holds the database: it gets everything.
  const isFull = viewer === null || can(viewer, "plan.backup");
  const where = { planId };
  // Facilitators-only threads, and the concerns raised in them, never reach another role, by any route.
  const threadsWhere = viewer === null ? where : { ...where, ...threadsVisibleWhere(viewer) };
  const concernsWhere = viewer === null ? where : { ...where, ...concernsVisibleWhere(viewer) };
  const byTime = [{ createdAt: "asc" as const }, { id: "asc" as const }];
  const [
    dialogue,
    sections,
    links,
    exclusions,
    threads,
    amendments,
    concerns,
    versions,
    placements,
    sponsors,
    statuses,
    rounds,
    silences,
  ] = await Promise.all([
    prisma.dialogue.findUniqueOrThrow({ where: { id: plan.dialogueId } }),
    prisma.planSection.findMany({ where, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    prisma.provenanceLink.findMany({ where, orderBy: byTime }),
    prisma.coverageExclusion.findMany({ where, orderBy: byTime }),
    prisma.commentThread.findMany({
      where: threadsWhere,
      orderBy: { number: "asc" },
      include: { comments: { orderBy: byTime, include: { mentions: { orderBy: { id: "asc" } } } } },
    }),
    prisma.amendment.findMany({ where, orderBy: { number: "asc" }, include: { sponsors: { orderBy: byTime } } }),
    prisma.concern.findMany({
      where: concernsWhere,
      orderBy: { number: "asc" },
      include: { thread: { select: { visibility: true } } },
    }),
    prisma.planVersion.findMany({
      where,
      orderBy: { number: "asc" },
      include: { sections: { orderBy: [{ position: "asc" }, { id: "asc" }] } },
    }),
    prisma.seedPlacement.findMany({ where, orderBy: byTime }),
    prisma.planSponsor.findMany({ where, orderBy: { position: "asc" }, select: { delegationId: true } }),
    prisma.paragraphStatus.findMany({ where, orderBy: [{ sectionId: "asc" }, { blockId: "asc" }] }),
    prisma.negotiationRound.findMany({ where, orderBy: { number: "asc" } }),
    prisma.silenceProcedure.findMany({ where, orderBy: [{ startedAt: "asc" }, { id: "asc" }] }),
  ]);

  const referenced = new Set<string | null>([
    ...links.flatMap((l) => [l.createdById, l.confirmedById]),
    ...exclusions.map((e) => e.createdById),
    ...threads.flatMap((t) => [
      t.authorId,
      t.resolvedById,
      ...t.comments.flatMap((c) => [c.authorId, ...c.mentions.map((m) => m.userId)]),
    ]),
    ...amendments.flatMap((a) => [a.authorId, a.decidedById, ...a.sponsors.map((s) => s.userId)]),
    ...concerns.flatMap((c) => [c.decidedById, c.createdById]),
    ...versions.map((v) => v.createdById),
    ...statuses.map((s) => s.setById),
    ...rounds.map((r) => r.openedById),
    ...silences.flatMap((s) => [s.startedById, s.brokenById]),
  ]);
  const users = await prisma.user.findMany({
    // A full backup keeps every account of the workspace (those of other dialogues' delegations excepted), so a
    // restore loses nobody; a reader's export names only the people the plan mentions.
    where: isFull
      ? {
          OR: [
            { id: { in: [...referenced].filter((id): id is string => id !== null) } },
            { delegationId: null },
            { delegation: { dialogueId: plan.dialogueId } },
          ],
        }
      : { id: { in: [...referenced].filter((id): id is string => id !== null) } },
    orderBy: [{ email: "asc" }],
  });

  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    scope: isFull ? "full" : "reader",
    exportedAt: now.toISOString(),
    dialogue: {
      id: dialogue.id,
      title: dialogue.title,
      sourceName: dialogue.sourceName,
      sourceText: dialogue.sourceText,
      contentHash: dialogue.contentHash,
      importedAt: dialogue.importedAt.toISOString(),
      updatedAt: dialogue.updatedAt.toISOString(),
    },
    users: users.map((user) => ({
      ...pick(ZBackupUser, user),
      email: isFull ? user.email : null,
    })) as TBackupJson["users"],
    plan: {
      id: plan.id,
      title: plan.title,
      templateKey: plan.templateKey,
      structureRevision: plan.structureRevision,
      sponsorIds: sponsors.map((sponsor) => sponsor.delegationId),
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
    },
    sections: sections.map((section) => pick(ZBackupSection, section)),
    links: links.map((link) => pick(ZBackupLink, link)),
    exclusions: exclusions.map((exclusion) => pick(ZBackupExclusion, exclusion)),
    paragraphStatuses: statuses.map((status) => pick(ZBackupParagraphStatus, status)),
    rounds: rounds.map((round) => pick(ZBackupRound, round)),
    silences: silences.map((silence) => pick(ZBackupSilence, silence)),
    threads: threads.map((thread) => ({
      ...pick(ZBackupThread, thread),
      comments: thread.comments.map((comment) => ({
        ...pick(ZBackupComment, comment),
        mentions: comment.mentions.map((m) => pick(ZBackupMention, m)),
      })),
    })),
    amendments: amendments.map((amendment) => ({
      ...pick(ZBackupAmendment, amendment),
      sponsors: amendment.sponsors.map((s) => pick(ZBackupSponsor, s)),
    })),
    concerns: concerns.map((concern) => pick(ZBackupConcern, concern)),
    versions: versions.map((version) => ({
      ...pick(ZBackupVersion, version),
      sections: version.sections.map((s) => pick(ZBackupVersionSection, s)),
    })),
    placements: placements.map((placement) => pick(ZBackupPlacement, placement)),
  } as TBackupJson;
}

/**
 * The row's fields that the schema names, in the schema's order (so exports
 * compare equal as text), as JSON: dates as ISO strings, bytes as base64.
 * Nested arrays are filled in by the caller.
 */
function pick<S extends z.ZodObject>(schema: S, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) out[key] = toJsonValue(row[key]);
  return out;
}

function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value === undefined ? null : value;
}
