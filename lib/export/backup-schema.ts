/**
 * The JSON backup of one plan (`npm run plan -- export --format json`), as
 * zod schemas: export-backup.ts writes this shape and import-backup.ts reads
 * it back, so a file that does not match is refused naming the field.
 *
 * Every id and timestamp is kept, because the documents themselves refer to
 * ids (a citation node carries its link's id, a comment mark its threads'
 * ids, inside both the Tiptap JSON and the Yjs state), and rewriting a Yjs
 * state is not possible without replaying it. Only `exportedAt` differs
 * between an export and the export of its restore.
 */
import { z } from "zod";
import { ZAnchorRange } from "@/lib/comments/anchor-range";
import { THREAD_STANCES, THREAD_STATUSES, THREAD_VISIBILITIES } from "@/lib/comments/thread-values";

export const BACKUP_FORMAT = "gpa-plan-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** A backup larger than this is refused before it is parsed. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

/** Dates travel as ISO strings and come back as Dates. */
const ZDate = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const ZDateOrNull = ZDate.nullable();
const ZId = z.string().min(1).max(300);
const ZIdOrNull = ZId.nullable();
/** Binary (a Yjs state) as base64; null until the collab server first loaded the section. */
const ZBase64OrNull = z
  .base64()
  .nullable()
  .transform((value) => (value === null ? null : Buffer.from(value, "base64")));
/** Tiptap JSON and the other JSON columns: any JSON value, checked only for being one. */
const ZJson = z.json();

const ZQuote = { quoteExact: z.string(), quotePrefix: z.string(), quoteSuffix: z.string() };

export const ZBackupUser = z.strictObject({
  id: ZId,
  /** Null in a reader's export (see export-backup.ts); a restore needs them all. */
  email: z.string().email().nullable(),
  name: z.string(),
  role: z.enum(["admin", "facilitator", "delegate", "observer"]),
  delegationId: ZIdOrNull,
  disabledAt: ZDateOrNull,
  createdAt: ZDate,
  updatedAt: ZDate,
});

/** Which numbering a section continues, and its level; backups from before sections had them are main, level 1. */
const ZPart = z.enum(["main", "annex"]).default("main");
const ZLevel = z.number().int().min(1).max(2).default(1);

export const ZBackupSection = z.strictObject({
  id: ZId,
  key: z.string().min(1),
  title: z.string(),
  position: z.number().int(),
  part: ZPart,
  level: ZLevel,
  /** A section a facilitator removed: kept, with its links, threads and amendments, for a version to bring back. */
  removedAt: ZDateOrNull.default(null),
  guidance: z.string(),
  content: ZJson,
  text: z.string(),
  ydoc: ZBase64OrNull,
  updatedAt: ZDate,
});

export const ZBackupLink = z.strictObject({
  id: ZId,
  sectionId: ZId,
  blockId: z.string(),
  ...ZQuote,
  targetType: z.enum(["statement", "summary_item", "amendment"]),
  targetKey: z.string().min(1),
  statementId: ZIdOrNull,
  sentenceId: ZIdOrNull,
  summaryItemId: ZIdOrNull,
  amendmentId: ZIdOrNull,
  relation: z.enum(["derived_from", "supports", "quotes", "responds_to_concern"]),
  status: z.enum(["suggested", "confirmed", "rejected", "suspect", "removed"]),
  score: z.number().nullable(),
  fingerprint: z.string().nullable(),
  cited: z.boolean(),
  createdById: ZIdOrNull,
  createdAt: ZDate,
  confirmedById: ZIdOrNull,
  confirmedAt: ZDateOrNull,
});

export const ZBackupExclusion = z.strictObject({
  id: ZId,
  targetType: z.string().min(1),
  targetId: z.string().min(1),
  reason: z.string(),
  createdById: ZIdOrNull,
  createdAt: ZDate,
});

/** A paragraph's status in the negotiation (pending has no row); backups from before statuses have none. */
export const ZBackupParagraphStatus = z.strictObject({
  sectionId: ZId,
  blockId: z.string().min(1),
  status: z.enum(["agreed_ad_ref", "agreed"]),
  text: z.string(),
  setById: ZIdOrNull,
  setAt: ZDate,
});

/** A round of consultations (lib/negotiation/); backups from before rounds have none. */
export const ZBackupRound = z.strictObject({
  id: ZId,
  number: z.int().min(1),
  revision: z.int().min(0),
  revisionId: ZIdOrNull,
  commentDeadline: ZDateOrNull,
  amendmentDeadline: ZDateOrNull,
  openedById: ZIdOrNull,
  openedAt: ZDate,
});

/** A silence procedure on a round's revision, broken, adopted or still running. */
export const ZBackupSilence = z.strictObject({
  id: ZId,
  roundId: ZId,
  versionId: ZId,
  endsAt: ZDate,
  startedById: ZIdOrNull,
  startedAt: ZDate,
  brokenAt: ZDateOrNull,
  brokenById: ZIdOrNull,
  brokenByDelegationId: ZIdOrNull,
  breakReason: z.string().nullable(),
  adoptedAt: ZDateOrNull,
});

/** Where seeding put a list item (the seeding report); backups from before templates have none. */
export const ZBackupPlacement = z.strictObject({
  id: ZId,
  summaryItemId: ZId,
  sectionKey: z.string().min(1),
  sectionTitle: z.string().min(1),
  method: z.enum(["list", "key_phrase", "similarity", "fallback"]),
  evidence: z.string(),
  createdAt: ZDate,
});

export const ZBackupMention = z.strictObject({ id: ZId, userId: ZIdOrNull, delegationId: ZIdOrNull });

export const ZBackupComment = z.strictObject({
  id: ZId,
  authorId: ZIdOrNull,
  delegationId: ZIdOrNull,
  body: z.string(),
  createdAt: ZDate,
  editedAt: ZDateOrNull,
  deletedAt: ZDateOrNull,
  mentions: z.array(ZBackupMention),
});

export const ZBackupThread = z.strictObject({
  id: ZId,
  number: z.number().int().positive(),
  sectionId: ZId,
  blockId: z.string(),
  ...ZQuote,
  stance: z.enum(THREAD_STANCES),
  visibility: z.enum(THREAD_VISIBILITIES),
  status: z.enum(THREAD_STATUSES),
  delegationId: ZIdOrNull,
  authorId: ZIdOrNull,
  resolvedById: ZIdOrNull,
  resolvedAt: ZDateOrNull,
  anchoredAt: ZDateOrNull,
  createdAt: ZDate,
  updatedAt: ZDate,
  /** A facilitators-only thread's anchor (not a mark in the text); absent from backups made before it existed. */
  anchorRange: ZAnchorRange.nullable().default(null),
  comments: z.array(ZBackupComment),
});

export const ZBackupSponsor = z.strictObject({ id: ZId, delegationId: ZId, userId: ZIdOrNull, createdAt: ZDate });

export const ZBackupAmendment = z.strictObject({
  id: ZId,
  number: z.number().int().positive(),
  sectionId: ZId,
  blockId: z.string(),
  ...ZQuote,
  kind: z.enum(["replace", "insert_after", "delete", "insert_paragraph", "delete_paragraph", "move_paragraph"]),
  newText: z.string(),
  // Absent from backups taken before amendments on whole paragraphs.
  paragraphKind: z.string().nullish(),
  paragraphLevel: z.number().int().nullish(),
  targetBlockId: z.string().nullish(),
  rationale: z.string(),
  status: z.enum(["pending", "accepted", "rejected", "withdrawn"]),
  delegationId: ZIdOrNull,
  authorId: ZIdOrNull,
  decidedById: ZIdOrNull,
  decidedAt: ZDateOrNull,
  decisionReason: z.string().nullable(),
  withdrawnAt: ZDateOrNull,
  createdAt: ZDate,
  updatedAt: ZDate,
  sponsors: z.array(ZBackupSponsor),
});

export const ZBackupConcern = z.strictObject({
  id: ZId,
  number: z.number().int().positive(),
  origin: z.enum(["dialogue", "comment"]),
  summaryItemId: ZIdOrNull,
  threadId: ZIdOrNull,
  text: z.string(),
  delegationId: ZIdOrNull,
  status: z.enum(["raised", "addressed", "noted"]),
  answerSectionId: ZIdOrNull,
  answerBlockId: z.string().nullable(),
  answerQuote: z.string().nullable(),
  answerLinkId: ZIdOrNull,
  noteReason: z.string().nullable(),
  decidedById: ZIdOrNull,
  decidedAt: ZDateOrNull,
  createdById: ZIdOrNull,
  createdAt: ZDate,
  updatedAt: ZDate,
});

export const ZBackupVersionSection = z.strictObject({
  id: ZId,
  sectionId: ZIdOrNull,
  key: z.string().min(1),
  title: z.string(),
  position: z.number().int(),
  part: ZPart,
  level: ZLevel,
  content: ZJson,
  text: z.string(),
  ydoc: ZBase64OrNull,
});

export const ZBackupVersion = z.strictObject({
  id: ZId,
  number: z.number().int().positive(),
  label: z.string().min(1),
  planTitle: z.string().nullable().default(null),
  kind: z.enum(["named", "auto", "before_restore"]),
  contentHash: z.string(),
  summary: ZJson,
  links: ZJson,
  amendments: ZJson,
  createdById: ZIdOrNull,
  createdAt: ZDate,
  sections: z.array(ZBackupVersionSection),
});

export const ZBackup = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** "full" from the CLI and for admins; "reader" leaves out what the reader may not see, and cannot be restored. */
  scope: z.enum(["full", "reader"]),
  exportedAt: ZDate,
  /** The dialogue's source text: importing it again rebuilds every unit with the same ids. */
  dialogue: z.strictObject({
    id: ZId,
    title: z.string(),
    sourceName: z.string(),
    sourceText: z.string().min(1),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    importedAt: ZDate,
    updatedAt: ZDate,
  }),
  /** The users the plan refers to; never a password hash. */
  users: z.array(ZBackupUser),
  plan: z.strictObject({
    id: ZId,
    title: z.string().min(1),
    // Backups from before templates were all plans of action.
    templateKey: z.string().min(1).default("plan-of-action"),
    structureRevision: z.number().int().min(0).default(0),
    /** The sponsoring delegations, in order (backups from before sponsors have none). */
    sponsorIds: z.array(ZId).default([]),
    createdAt: ZDate,
    updatedAt: ZDate,
  }),
  sections: z.array(ZBackupSection),
  links: z.array(ZBackupLink),
  exclusions: z.array(ZBackupExclusion),
  threads: z.array(ZBackupThread),
  amendments: z.array(ZBackupAmendment),
  concerns: z.array(ZBackupConcern),
  versions: z.array(ZBackupVersion),
  placements: z.array(ZBackupPlacement).default([]),
  paragraphStatuses: z.array(ZBackupParagraphStatus).default([]),
  rounds: z.array(ZBackupRound).default([]),
  silences: z.array(ZBackupSilence).default([]),
});

export type TBackup = z.infer<typeof ZBackup>;
/** The backup as written: dates as ISO strings, binary as base64. */
export type TBackupJson = z.input<typeof ZBackup>;
