/**
 * The plan as JSON for other tools (`plan export --format json`, and the
 * export menu): its sections in order, each with its text and the sources
 * its passages cite, and how much of the dialogue the draft covers. It holds
 * no comments and no accounts; the restorable whole is `--format backup`
 * (export-backup.ts). The format is documented in the README.
 *
 *   { format: "gpa-plan", version: 1, exportedAt,
 *     plan: { id, title, templateKey, dialogue: { id, title, topic, date }, sponsors: [{ id, name }] },
 *     sections: [{ key, title, position, part, level, guidance, text,
 *                  passages: [{ blockId, type, kind, level, marker, reference, status, text, footnotes,
 *                               brackets: [{ bracketId, text, delegations: [{ id, name }],
 *                                            options?: [{ text, delegations }] }] }],
 *                  links: [{ id, blockId, relation, status, quote,
 *                            target: { type, id, sentenceId, address } }] }],
 *     coverage: { counts: { covered, suspect, suggested, uncovered, excluded },
 *                 points: [{ group, key, label, status }] },
 *     silence: null | { state: "under_silence" | "adopted", revision, endsAt, adoptedAt } }
 */
import type { JSONContent } from "@tiptap/core";
import { getPrisma } from "@/lib/db";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import type { ParagraphNumber, Passage } from "@/lib/editor/passages";
import { AppError } from "@/lib/errors";
import { computeCoverage } from "@/lib/provenance/compute-coverage";
import type { Coverage, CoverageEntry } from "@/lib/provenance/compute-coverage";
import { readExportSilence } from "@/lib/negotiation/read-silence";
import { IN_LIVE_SECTION, LIVE_SECTION } from "@/lib/plan/section-scope";
import { listParagraphStatuses } from "@/lib/plan/list-paragraph-statuses";
import type { TParagraphStatus } from "@/lib/plan/paragraph-statuses";
import { isSectionEmpty } from "./is-section-empty";

export const PLAN_JSON_FORMAT = "gpa-plan";
export const PLAN_JSON_VERSION = 1;

/** Links that are sources of the text: rejected ones were said not to be. */
const SOURCE_STATUSES = ["confirmed", "suspect", "suggested"] as const;

export async function exportPlanJson({
  planId,
  isOmittingEmpty = false,
  now = new Date(),
}: {
  planId: string;
  /** Leave out sections with no words beyond their seeded guidance (lib/export/is-section-empty.ts). */
  isOmittingEmpty?: boolean;
  now?: Date;
}) {
  const prisma = getPrisma();
  const plan = await prisma.plan.findUnique({
    where: { id: planId },
    include: {
      dialogue: { select: { id: true, title: true, topic: true, date: true } },
      sponsors: { orderBy: { position: "asc" }, select: { delegation: { select: { id: true, name: true } } } },
    },
  });
  if (!plan) throw new AppError("not_found", `No plan ${planId}.`);
  const [rows, links, coverage, statuses] = await Promise.all([
    // A removed section is not part of the plan's text (lib/plan/section-scope.ts).
    prisma.planSection.findMany({ where: { planId, ...LIVE_SECTION }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    prisma.provenanceLink.findMany({
      where: { planId, status: { in: [...SOURCE_STATUSES] }, ...IN_LIVE_SECTION },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { statement: { select: { key: true } }, sentence: { select: { key: true } }, summaryItem: true },
    }),
    computeCoverage({ planId }),
    listParagraphStatuses({ planId }),
  ]);
  const read = rows.map((section) => ({ section, passages: readPassages(section.content as JSONContent) }));
  const sections = isOmittingEmpty
    ? read.filter(({ section, passages }) => !isSectionEmpty({ ...section, passages }))
    : read;
  // Numbered over the sections exported, as every printed format numbers them.
  const numbers = numberParagraphs(sections.map(({ section, passages }) => ({ part: section.part, passages })));
  return {
    format: PLAN_JSON_FORMAT,
    version: PLAN_JSON_VERSION,
    exportedAt: now.toISOString(),
    plan: {
      id: plan.id,
      title: plan.title,
      templateKey: plan.templateKey,
      dialogue: { ...plan.dialogue, date: plan.dialogue.date.toISOString().slice(0, 10) },
      sponsors: plan.sponsors.map((sponsor) => sponsor.delegation),
    },
    sections: sections.map(({ section, passages }) => ({
      key: section.key,
      title: section.title,
      position: section.position,
      part: section.part,
      level: section.level,
      guidance: section.guidance,
      text: section.text,
      passages: passages.map((passage) =>
        toPassage(passage, numbers.get(passage.blockId), statuses.get(section.id)?.get(passage.blockId)),
      ),
      links: links.filter((link) => link.sectionId === section.id).map(toLink),
    })),
    coverage: toCoverage(coverage),
    silence: toSilence(await readExportSilence({ planId, versionLabel: null })),
  };
}

/** The silence procedure holding the text, as dates in ISO: { state, revision, endsAt, adoptedAt }, or null. */
function toSilence(silence: Awaited<ReturnType<typeof readExportSilence>>) {
  if (!silence) return null;
  return {
    state: silence.state,
    revision: silence.revision,
    endsAt: silence.endsAt.toISOString(),
    adoptedAt: silence.adoptedAt?.toISOString() ?? null,
  };
}

/** A passage with its kind and, when numbered, its marker and reference, as the reader gives them; its status and brackets. */
function toPassage(passage: Passage, number: ParagraphNumber | undefined, status: TParagraphStatus | undefined) {
  return {
    blockId: passage.blockId,
    type: passage.type,
    kind: passage.kind ?? null,
    level: passage.level ?? null,
    marker: number?.marker ?? null,
    reference: number?.reference ?? null,
    /** "pending", "agreed ad ref" or "agreed". */
    status: status ?? "pending",
    text: passage.text,
    /** Its footnotes of free text, in reading order (citations are the links). */
    footnotes: Object.values(passage.footnotes),
    /** Its open brackets, each with the delegations that hold it (lib/editor/brackets.ts). */
    brackets: passage.brackets,
  };
}

function toLink(link: {
  id: string;
  blockId: string;
  relation: string;
  status: string;
  quoteExact: string;
  targetType: string;
  statementId: string | null;
  sentenceId: string | null;
  summaryItemId: string | null;
  amendmentId: string | null;
  statement: { key: string } | null;
  sentence: { key: string } | null;
  summaryItem: { key: string } | null;
}) {
  const id = link.statementId ?? link.summaryItemId ?? link.amendmentId;
  return {
    id: link.id,
    blockId: link.blockId || null,
    relation: link.relation,
    status: link.status,
    quote: link.quoteExact || null,
    target: {
      // Spelled as the suggestions spell a source ("summary-item"), so one reader reads both.
      type: link.targetType === "summary_item" ? "summary-item" : link.targetType,
      id,
      sentenceId: link.sentenceId,
      // Where the reader shows it: a sentence's address, else its statement's or list item's.
      address: link.sentence?.key ?? link.statement?.key ?? link.summaryItem?.key ?? null,
    },
  };
}

function toCoverage(coverage: Coverage) {
  const groups: [string, CoverageEntry[]][] = [
    ...Object.entries(coverage.lists),
    ["speakers", coverage.speakers],
    ["delegations", coverage.delegations],
  ];
  const points = groups.flatMap(([group, entries]) =>
    entries.map((e) => ({ group, key: e.key, label: e.label, status: e.status })),
  );
  const counts = { covered: 0, suspect: 0, suggested: 0, uncovered: 0, excluded: 0 };
  for (const point of points) counts[point.status] += 1;
  return { counts, points };
}
