/**
 * Writes one version of a plan inside the caller's transaction: the
 * snapshot of every stored section, the links and the open amendments, its
 * content hash, and a change summary against the previous version. Numbers
 * are handed out under a per-plan advisory lock, so two writers (the app and
 * a collab server's timer, or two collab servers) never take the same
 * number — and an automatic snapshot, which checks the latest version only
 * once it holds the lock, is skipped when another writer just took the same
 * content.
 */
import type { Tx } from "@/lib/db";
import { diffWords } from "@/lib/diff/word-diff";
import { AppError } from "@/lib/errors";
import type { VersionKind } from "@/lib/generated/prisma/enums";
import { countDiffWords } from "./count-diff-words";
import { readPlanSnapshot } from "./read-plan-snapshot";

/** Against the previous version (for the first one, against an empty plan). */
export type VersionSummary = {
  previousNumber: number | null;
  sectionsChanged: string[];
  wordsAdded: number;
  wordsRemoved: number;
};

export type WrittenVersion = {
  id: string;
  number: number;
  label: string;
  kind: VersionKind;
  contentHash: string;
  summary: VersionSummary;
  createdAt: Date;
};

type Options = {
  tx: Tx;
  planId: string;
  kind: VersionKind;
  /** Required for a named version; automatic and before-restore versions are labelled by time. */
  label?: string;
  createdById: string | null;
  /** Automatic snapshots only: skip when the content equals the latest version's ("identical"), or that version is younger than minAgeMs ("recent"). */
  skipIfUnchanged?: { minAgeMs?: number };
  now?: Date;
};

export type SkipReason = "identical" | "recent";

export async function writeVersion(
  options: Options & { skipIfUnchanged: { minAgeMs?: number } },
): Promise<WrittenVersion | SkipReason>;
export async function writeVersion(options: Options): Promise<WrittenVersion>;
export async function writeVersion({
  tx,
  planId,
  kind,
  label,
  createdById,
  skipIfUnchanged,
  now = new Date(),
}: Options): Promise<WrittenVersion | SkipReason> {
  await lockPlanVersions(tx, planId);
  const plan = await tx.plan.findUnique({ where: { id: planId }, select: { id: true } });
  if (!plan) throw new AppError("not_found", "No such plan.");
  const latest = await tx.planVersion.findFirst({
    where: { planId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, contentHash: true, createdAt: true },
  });
  const snapshot = await readPlanSnapshot({ db: tx, planId });
  if (skipIfUnchanged && latest) {
    if (latest.contentHash === snapshot.contentHash) return "identical";
    if (now.getTime() - latest.createdAt.getTime() < (skipIfUnchanged.minAgeMs ?? 0)) return "recent";
  }
  const number = (latest?.number ?? 0) + 1;
  const finalLabel = label ?? (await labelByTime(tx, { planId, kind, number, now }));
  if (
    label &&
    (await tx.planVersion.findUnique({ where: { planId_label: { planId, label } }, select: { id: true } }))
  ) {
    throw new AppError("conflict", `A version of this plan is already labelled "${label}".`, { field: "label" });
  }
  const previous = latest
    ? await tx.planVersionSection.findMany({ where: { versionId: latest.id }, select: { key: true, text: true } })
    : [];
  const summary = summarize({ previousNumber: latest?.number ?? null, previous, current: snapshot.sections });
  const version = await tx.planVersion.create({
    data: {
      planId,
      number,
      label: finalLabel,
      kind,
      contentHash: snapshot.contentHash,
      planTitle: snapshot.title,
      summary,
      createdById,
      createdAt: now,
      links: snapshot.links,
      amendments: snapshot.amendments,
      sections: {
        createMany: {
          data: snapshot.sections.map((s) => ({
            sectionId: s.sectionId,
            key: s.key,
            title: s.title,
            position: s.position,
            part: s.part,
            level: s.level,
            content: s.content as object,
            text: s.text,
            ydoc: s.ydoc ? new Uint8Array(s.ydoc) : null,
          })),
        },
      },
    },
    select: { id: true, number: true, label: true, kind: true, contentHash: true, createdAt: true },
  });
  return { ...version, summary };
}

/** Holds the plan's version lock until the transaction ends: one writer (or pruner) of its versions at a time. */
export async function lockPlanVersions(tx: Tx, planId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`versions:${planId}`}))`;
}

const KIND_PREFIX: Record<VersionKind, string> = { named: "Version", auto: "Auto", before_restore: "Before restore" };

/** "Auto 2026-11-30 14:20 UTC"; a second one in the same minute gets its number too, since labels are unique per plan. */
async function labelByTime(
  tx: Tx,
  { planId, kind, number, now }: { planId: string; kind: VersionKind; number: number; now: Date },
): Promise<string> {
  const label = `${KIND_PREFIX[kind]} ${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const taken = await tx.planVersion.findUnique({ where: { planId_label: { planId, label } }, select: { id: true } });
  return taken ? `${label} (#${number})` : label;
}

type SectionText = { key: string; text: string };

/** The change summary of `current` against `previous` (each section's key and text). */
export function summarize({
  previousNumber,
  previous,
  current,
}: {
  previousNumber: number | null;
  previous: SectionText[];
  current: SectionText[];
}): VersionSummary {
  const before = new Map(previous.map((s) => [s.key, s.text]));
  const sectionsChanged: string[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  const count = (key: string, a: string, b: string) => {
    if (a === b) return;
    sectionsChanged.push(key);
    const words = countDiffWords(diffWords(a, b));
    wordsAdded += words.added;
    wordsRemoved += words.removed;
  };
  for (const section of current) count(section.key, before.get(section.key) ?? "", section.text);
  const now = new Set(current.map((s) => s.key));
  for (const [key, text] of before) if (!now.has(key)) count(key, text, "");
  return { previousNumber, sectionsChanged, wordsAdded, wordsRemoved };
}
