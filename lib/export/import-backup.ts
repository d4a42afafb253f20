/**
 * Restores a JSON backup (export-backup.ts) into an empty database, in one
 * transaction: a file that is too large, not JSON, not a full backup, or
 * wrong in any field is refused naming the field, and nothing is written.
 * Ids and timestamps are kept as exported (see backup-schema.ts); the
 * dialogue is rebuilt from its source text, which gives its units the same
 * ids again. Users come back without a password (the backup never holds a
 * hash), except the one admin the caller names with a new password, who can
 * then sign in and run the restored workspace.
 */
import { ZodError } from "zod";
import { appendAudit } from "@/lib/audit/append-audit";
import { hashPassword, MIN_PASSWORD_LENGTH, NO_PASSWORD_HASH } from "@/lib/auth/password";
import type { Tx } from "@/lib/db";
import { getPrisma } from "@/lib/db";
import { buildDialogueRows, hashSource } from "@/lib/dialogue/build-dialogue-rows";
import type { ExistingDelegation } from "@/lib/dialogue/build-delegation-rows";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { upsertRows } from "@/lib/dialogue/upsert-rows";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_BACKUP_BYTES, ZBackup } from "./backup-schema";
import type { TBackup } from "./backup-schema";

/** Restored accounts have no usable password until an admin gives them a reset link. */
export const RESTORED_PASSWORD_HASH = NO_PASSWORD_HASH;

export type TImportResult = { planId: string; dialogueId: string; counts: Record<string, number> };

export async function importBackup({
  text,
  maxBytes = MAX_BACKUP_BYTES,
  admin = null,
}: {
  text: string;
  maxBytes?: number;
  /** An admin of the backup who gets this password, so someone can sign in after the restore. */
  admin?: { email: string; password: string } | null;
}): Promise<TImportResult> {
  if (Buffer.byteLength(text, "utf8") > maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The backup is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; nothing was imported.`,
    );
  }
  const backup = parseBackup(text);
  const rows = buildDialogueFromBackup(backup);
  checkReferences(backup, rows);
  const adminHash = admin ? await hashAdminPassword(backup, admin) : null;
  const prisma = getPrisma();
  return prisma
    .$transaction(
      async (tx) => {
        // Two restores at once would both see an empty database.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('gpa-import-backup'))`;
        await assertEmpty(tx);
        await tx.dialogue.create({
          data: { ...rows.dialogue, importedAt: backup.dialogue.importedAt, updatedAt: backup.dialogue.updatedAt },
        });
        for (const table of [
          "Delegation",
          "Segment",
          "Speaker",
          "Statement",
          "Sentence",
          "SummaryItem",
          "SummaryNote",
        ] as const) {
          await upsertRows(tx, table, rows[ROWS_OF[table]]);
        }
        await tx.user.createMany({
          data: backup.users.map((user) => ({
            ...user,
            email: user.email!,
            passwordHash: adminHash && user.email === admin!.email.toLowerCase() ? adminHash : RESTORED_PASSWORD_HASH,
          })),
        });
        const planId = backup.plan.id;
        const { sponsorIds, ...plan } = backup.plan;
        await tx.plan.create({ data: { ...plan, dialogueId: rows.dialogue.id } });
        await tx.planSponsor.createMany({
          data: sponsorIds.map((delegationId, position) => ({ planId, delegationId, position })),
        });
        await tx.planSection.createMany({
          data: backup.sections.map((section) => ({
            ...section,
            planId,
            content: json(section.content),
            ydoc: bytes(section.ydoc),
          })),
        });
        // Links point at amendments, and concerns at links and threads: parents first.
        await tx.amendment.createMany({
          data: backup.amendments.map(({ sponsors: _s, ...amendment }) => ({ ...amendment, planId })),
        });
        await tx.amendmentSponsor.createMany({
          data: backup.amendments.flatMap((a) => a.sponsors.map((sponsor) => ({ ...sponsor, amendmentId: a.id }))),
        });
        await tx.provenanceLink.createMany({ data: backup.links.map((link) => ({ ...link, planId })) });
        await tx.seedPlacement.createMany({ data: backup.placements.map((placement) => ({ ...placement, planId })) });
        await tx.coverageExclusion.createMany({
          data: backup.exclusions.map((exclusion) => ({ ...exclusion, planId })),
        });
        await tx.paragraphStatus.createMany({
          data: backup.paragraphStatuses.map((status) => ({ ...status, planId })),
        });
        await tx.commentThread.createMany({
          data: backup.threads.map(({ comments: _c, ...thread }) => ({
            ...thread,
            anchorRange: thread.anchorRange ?? Prisma.DbNull,
            planId,
          })),
        });
        const comments = backup.threads.flatMap((thread) =>
          thread.comments.map((comment) => ({ ...comment, threadId: thread.id })),
        );
        await tx.comment.createMany({ data: comments.map(({ mentions: _m, ...comment }) => comment) });
        await tx.commentMention.createMany({
          data: comments.flatMap((comment) =>
            comment.mentions.map((mention) => ({ ...mention, commentId: comment.id })),
          ),
        });
        await tx.concern.createMany({ data: backup.concerns.map((concern) => ({ ...concern, planId })) });
        await tx.planVersion.createMany({
          data: backup.versions.map(({ sections: _s, ...version }) => ({
            ...version,
            planId,
            summary: json(version.summary),
            links: json(version.links),
            amendments: json(version.amendments),
          })),
        });
        await tx.planVersionSection.createMany({
          data: backup.versions.flatMap((version) =>
            version.sections.map((section) => ({
              ...section,
              versionId: version.id,
              content: json(section.content),
              ydoc: bytes(section.ydoc),
            })),
          ),
        });
        await tx.negotiationRound.createMany({ data: backup.rounds.map((round) => ({ ...round, planId })) });
        await tx.silenceProcedure.createMany({ data: backup.silences.map((silence) => ({ ...silence, planId })) });
        const counts = {
          users: backup.users.length,
          sections: backup.sections.length,
          links: backup.links.length,
          threads: backup.threads.length,
          comments: comments.length,
          amendments: backup.amendments.length,
          concerns: backup.concerns.length,
          versions: backup.versions.length,
        };
        await appendAudit(tx, {
          userId: null,
          action: "plan.restore",
          resourceType: "plan",
          resourceId: planId,
          detail: { exportedAt: backup.exportedAt.toISOString(), counts },
        });
        return { planId, dialogueId: rows.dialogue.id, counts };
      },
      { timeout: 300_000, maxWait: 30_000 },
    )
    .catch((error: unknown) => {
      throw explainWriteError(error);
    });
}

/** The backup, checked; a bad one is an `invalid` error naming the first wrong field, e.g. "links.3.status". */
function parseBackup(text: string): TBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid", `The backup is not JSON (${(error as Error).message}); nothing was imported.`, {
      field: null,
    });
  }
  let backup: TBackup;
  try {
    backup = ZBackup.parse(raw);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    const field = issue.path.join(".") || "(the file)";
    throw new AppError("invalid", `The backup is invalid at ${field}: ${issue.message}; nothing was imported.`, {
      field,
    });
  }
  if (backup.scope !== "full") {
    throw new AppError(
      "invalid",
      "This export was made for a reader (it leaves out facilitators-only threads and users' emails) and cannot be restored; export a full backup with `npm run plan -- export --format json`.",
      { field: "scope" },
    );
  }
  return backup;
}

const ROWS_OF = {
  Delegation: "delegations",
  Segment: "segments",
  Speaker: "speakers",
  Statement: "statements",
  Sentence: "sentences",
  SummaryItem: "summaryItems",
  SummaryNote: "summaryNotes",
} as const;

function buildDialogueFromBackup(backup: TBackup) {
  const { dialogue } = backup;
  if (hashSource(dialogue.sourceText) !== dialogue.contentHash) {
    throw new AppError(
      "invalid",
      "The backup is invalid at dialogue.sourceText: it does not match dialogue.contentHash; nothing was imported.",
      { field: "dialogue.sourceText" },
    );
  }
  let rows;
  try {
    rows = buildDialogueRows({
      parsed: parseDialogue(dialogue.sourceText),
      sourceText: dialogue.sourceText,
      sourceName: dialogue.sourceName,
      existingDelegations: listBackupDelegations(backup),
    });
  } catch (error) {
    throw new AppError(
      "invalid",
      `The backup is invalid at dialogue.sourceText: ${(error as Error).message}; nothing was imported.`,
      { field: "dialogue.sourceText" },
    );
  }
  if (rows.dialogue.id !== dialogue.id) {
    throw new AppError(
      "invalid",
      `The backup is invalid at dialogue.id: its source text is dialogue ${rows.dialogue.id}; nothing was imported.`,
      { field: "dialogue.id" },
    );
  }
  return rows;
}

/**
 * The delegations the backup refers to, as rows an earlier import wrote: one
 * mapped onto the roster in place keeps an id from its annex name
 * ("…:delegation-korea" is Republic of Korea), which its key still reads as.
 */
function listBackupDelegations(backup: TBackup): ExistingDelegation[] {
  const prefix = `${backup.dialogue.id}:`;
  const ids = new Set<string>();
  const add = (id: string | null) => id?.startsWith(prefix) && ids.add(id);
  backup.users.forEach((u) => add(u.delegationId));
  backup.threads.forEach((t) => {
    add(t.delegationId);
    t.comments.forEach((c) => [c.delegationId, ...c.mentions.map((m) => m.delegationId)].forEach(add));
  });
  backup.amendments.forEach((a) => [a.delegationId, ...a.sponsors.map((s) => s.delegationId)].forEach(add));
  backup.concerns.forEach((c) => add(c.delegationId));
  backup.plan.sponsorIds.forEach(add);
  backup.silences.forEach((s) => add(s.brokenByDelegationId));
  return [...ids].map((id) => {
    const key = id.slice(prefix.length);
    return { id, key, name: key.replace(/^delegation-/, ""), onBehalfOf: null, rosterKey: null };
  });
}

/**
 * Every id the backup refers to must be in it (or in its dialogue), checked
 * before writing so the error names the field rather than a foreign key.
 */
function checkReferences(backup: TBackup, rows: ReturnType<typeof buildDialogueRows>): void {
  const set = (items: { id: string }[]) => new Set(items.map((item) => item.id));
  const known = {
    user: set(backup.users),
    delegation: set(rows.delegations),
    section: set(backup.sections),
    statement: set(rows.statements),
    sentence: set(rows.sentences),
    summaryItem: set(rows.summaryItems),
    amendment: set(backup.amendments),
    thread: set(backup.threads),
    link: set(backup.links),
    version: set(backup.versions),
    round: set(backup.rounds),
  };
  const check = (field: string, value: string | null, kind: keyof typeof known) => {
    if (value !== null && !known[kind].has(value)) {
      throw new AppError(
        "invalid",
        `The backup is invalid at ${field}: no ${kind} ${value} in the backup; nothing was imported.`,
        { field },
      );
    }
  };
  backup.plan.sponsorIds.forEach((id, i) => check(`plan.sponsorIds.${i}`, id, "delegation"));
  backup.users.forEach((u, i) => {
    check(`users.${i}.delegationId`, u.delegationId, "delegation");
    if (!u.email)
      throw new AppError(
        "invalid",
        `The backup is invalid at users.${i}.email: a restore needs every user's email; nothing was imported.`,
        { field: `users.${i}.email` },
      );
  });
  backup.links.forEach((l, i) => {
    check(`links.${i}.sectionId`, l.sectionId, "section");
    check(`links.${i}.statementId`, l.statementId, "statement");
    check(`links.${i}.sentenceId`, l.sentenceId, "sentence");
    check(`links.${i}.summaryItemId`, l.summaryItemId, "summaryItem");
    check(`links.${i}.amendmentId`, l.amendmentId, "amendment");
    check(`links.${i}.createdById`, l.createdById, "user");
    check(`links.${i}.confirmedById`, l.confirmedById, "user");
  });
  backup.exclusions.forEach((e, i) => check(`exclusions.${i}.createdById`, e.createdById, "user"));
  backup.paragraphStatuses.forEach((s, i) => check(`paragraphStatuses.${i}.sectionId`, s.sectionId, "section"));
  backup.threads.forEach((t, i) => {
    check(`threads.${i}.sectionId`, t.sectionId, "section");
    check(`threads.${i}.delegationId`, t.delegationId, "delegation");
    check(`threads.${i}.authorId`, t.authorId, "user");
    check(`threads.${i}.resolvedById`, t.resolvedById, "user");
    t.comments.forEach((c, j) => {
      check(`threads.${i}.comments.${j}.authorId`, c.authorId, "user");
      check(`threads.${i}.comments.${j}.delegationId`, c.delegationId, "delegation");
      c.mentions.forEach((m, k) => {
        check(`threads.${i}.comments.${j}.mentions.${k}.userId`, m.userId, "user");
        check(`threads.${i}.comments.${j}.mentions.${k}.delegationId`, m.delegationId, "delegation");
      });
    });
  });
  backup.amendments.forEach((a, i) => {
    check(`amendments.${i}.sectionId`, a.sectionId, "section");
    check(`amendments.${i}.delegationId`, a.delegationId, "delegation");
    check(`amendments.${i}.authorId`, a.authorId, "user");
    check(`amendments.${i}.decidedById`, a.decidedById, "user");
    a.sponsors.forEach((s, j) => {
      check(`amendments.${i}.sponsors.${j}.delegationId`, s.delegationId, "delegation");
      check(`amendments.${i}.sponsors.${j}.userId`, s.userId, "user");
    });
  });
  backup.rounds.forEach((r, i) => {
    check(`rounds.${i}.revisionId`, r.revisionId, "version");
    check(`rounds.${i}.openedById`, r.openedById, "user");
  });
  backup.silences.forEach((s, i) => {
    check(`silences.${i}.roundId`, s.roundId, "round");
    check(`silences.${i}.versionId`, s.versionId, "version");
    check(`silences.${i}.startedById`, s.startedById, "user");
    check(`silences.${i}.brokenById`, s.brokenById, "user");
    check(`silences.${i}.brokenByDelegationId`, s.brokenByDelegationId, "delegation");
  });
  backup.concerns.forEach((c, i) => {
    check(`concerns.${i}.summaryItemId`, c.summaryItemId, "summaryItem");
    check(`concerns.${i}.threadId`, c.threadId, "thread");
    check(`concerns.${i}.delegationId`, c.delegationId, "delegation");
    check(`concerns.${i}.answerSectionId`, c.answerSectionId, "section");
    check(`concerns.${i}.answerLinkId`, c.answerLinkId, "link");
    check(`concerns.${i}.decidedById`, c.decidedById, "user");
    check(`concerns.${i}.createdById`, c.createdById, "user");
  });
  backup.versions.forEach((v, i) => check(`versions.${i}.createdById`, v.createdById, "user"));
}

async function hashAdminPassword(backup: TBackup, admin: { email: string; password: string }): Promise<string> {
  const user = backup.users.find((u) => u.email === admin.email.toLowerCase());
  if (!user || user.role !== "admin" || user.disabledAt) {
    throw new AppError("invalid", `${admin.email} is not an enabled admin in the backup; nothing was imported.`, {
      field: "admin",
    });
  }
  if (admin.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      "invalid",
      `The admin's new password must be at least ${MIN_PASSWORD_LENGTH} characters; nothing was imported.`,
      { field: "password" },
    );
  }
  return hashPassword(admin.password);
}

async function assertEmpty(tx: Tx): Promise<void> {
  const [dialogues, plans, users] = await Promise.all([tx.dialogue.count(), tx.plan.count(), tx.user.count()]);
  if (dialogues + plans + users > 0) {
    throw new AppError(
      "conflict",
      `The database is not empty (${dialogues} dialogues, ${plans} plans, ${users} users): a backup is only restored into an empty database; nothing was imported.`,
    );
  }
}

/** A constraint the checks above did not foresee (a CHECK, a duplicate number), said plainly. */
function explainWriteError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const text = String((error as Error)?.message ?? "");
  if (/unique constraint|23505|foreign key|23503|check constraint|23514/i.test(text)) {
    return new AppError(
      "invalid",
      `The backup is inconsistent and was refused by the database (${text.split("\n").pop()}); nothing was imported.`,
      { field: null },
    );
  }
  return error;
}

function json(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}

function bytes(value: Buffer | null): Uint8Array<ArrayBuffer> | null {
  return value === null ? null : new Uint8Array(value);
}
