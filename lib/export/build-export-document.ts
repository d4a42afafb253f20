/**
 * Builds the export document model (lib/export/export-document.ts) once from
 * a plan: the live draft, or a version by its label (its sections' content
 * and the links of its snapshot). Each source becomes one footnote, numbered
 * as the page numbers it (lib/editor/passages.ts): at its first citation, or,
 * for a confirmed source its passage does not cite, at the end of that
 * passage, so no confirmed source goes unprinted. The annex rows (printed as
 * the "Sources" table) list every link. Removed sections are never read; the
 * template's layout (plan or resolution) comes with the document.
 */
import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { describeAmendment } from "@/lib/amendments/describe-amendment";
import { getPrisma } from "@/lib/db";
import { formatSegmentLabel, SUMMARY_LIST_TITLES } from "@/lib/dialogue/format";
import type { SummaryListName } from "@/lib/dialogue/types";
import { readPassages } from "@/lib/editor/passages";
import { AppError } from "@/lib/errors";
import { readExportSilence } from "@/lib/negotiation/read-silence";
import { LIVE_SECTION } from "@/lib/plan/section-scope";
import { listPlanSponsors } from "@/lib/plan/list-plan-sponsors";
import { listParagraphStatuses } from "@/lib/plan/list-paragraph-statuses";
import { findPlanTemplate } from "@/lib/plan/templates";
import { shortenAtWord } from "@/lib/text/shorten";
import { buildSections } from "./build-export-sections";
import type { TLinkRow, TSectionRow } from "./build-export-sections";
import type { TAnnexRow, TExportDocument, TFootnote, TSourceDescription } from "./export-document";
import { isSectionEmpty } from "./is-section-empty";

/** A section as loaded: its guidance tells the seeded guidance paragraph from text (null when not known). */
type TLoadedSection = TSectionRow & { guidance: string | null };

export async function buildExportDocument({
  planId,
  versionLabel,
  isOmittingEmpty = false,
  now = new Date(),
}: {
  planId: string;
  /** Export this version of the plan instead of the live draft. */
  versionLabel?: string | null;
  /** Leave out sections with no words beyond their seeded guidance (lib/export/is-section-empty.ts). */
  isOmittingEmpty?: boolean;
  /** The date of a live export (tests pass a fixed one). */
  now?: Date;
}): Promise<TExportDocument> {
  const prisma = getPrisma();
  const plan = await prisma.plan.findUnique({
    where: { id: planId },
    select: { id: true, title: true, templateKey: true, dialogue: { select: { title: true } } },
  });
  if (!plan) throw new AppError("not_found", `No plan ${planId}.`);
  const loaded = versionLabel
    ? await loadVersion({ planId, label: versionLabel })
    : { ...(await loadLive({ planId })), date: now };
  const { links, date } = loaded;
  // Numbering, notes and the annex all read the same sections: an omitted one is in none of them.
  const sections = isOmittingEmpty ? loaded.sections.filter((section) => !isEmpty(section)) : loaded.sections;
  const sources = await resolveSources(links);
  const layout = findPlanTemplate(plan.templateKey)?.layout ?? "plan";
  const built = buildSections({ sections, links, sources, layout });
  // The sponsors as they stand now, a version's too: a version does not record them.
  const sponsors = (await listPlanSponsors({ planId })).map((sponsor) => sponsor.name);
  return {
    planId: plan.id,
    title: plan.title,
    dialogueTitle: plan.dialogue.title,
    versionLabel: versionLabel ?? null,
    date,
    layout,
    sponsors,
    sections: built.sections,
    footnotes: built.footnotes,
    annex: buildAnnex({ sections, links, sources, footnotes: built.footnotes }),
    silence: await readExportSilence({ planId, versionLabel: versionLabel ?? null }),
  };
}

function isEmpty(section: TLoadedSection): boolean {
  return isSectionEmpty({ key: section.key, guidance: section.guidance, passages: readPassages(contentOf(section)) });
}

async function loadLive({ planId }: { planId: string }): Promise<{ sections: TLoadedSection[]; links: TLinkRow[] }> {
  const statuses = await listParagraphStatuses({ planId });
  const sections = await getPrisma().planSection.findMany({
    // A removed section is not part of the plan's text (lib/plan/section-scope.ts).
    where: { planId, ...LIVE_SECTION },
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      title: true,
      part: true,
      level: true,
      guidance: true,
      content: true,
      links: {
        // Links made in one transaction share a createdAt; the id breaks the tie so exports are stable.
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          blockId: true,
          quoteExact: true,
          relation: true,
          status: true,
          statementId: true,
          sentenceId: true,
          summaryItemId: true,
          amendmentId: true,
        },
      },
    },
  });
  return {
    sections: sections.map(({ links: _links, ...section }) => ({ ...section, statuses: statuses.get(section.id) })),
    links: sections.flatMap((section) => section.links.map((link) => ({ ...link, sectionKey: section.key }))),
  };
}

/**
 * A version's snapshot rows (lib/versions/read-plan-snapshot.ts: section key,
 * block, quote, targetKey "sentence:<id>" and a label). Read leniently, so
 * snapshots that also carry the link table's id columns, or a nested
 * `quote`/`target`, or name the section by id, work as well.
 */
const ZSnapshotLink = z.looseObject({
  id: z.string(),
  sectionId: z.string().nullish(),
  sectionKey: z.string().nullish(),
  blockId: z.string().nullish(),
  quoteExact: z.string().nullish(),
  quote: z.looseObject({ exact: z.string().nullish() }).nullish(),
  relation: z.string(),
  status: z.string(),
  targetKey: z.string().nullish(),
  label: z.string().nullish(),
  statementId: z.string().nullish(),
  sentenceId: z.string().nullish(),
  summaryItemId: z.string().nullish(),
  amendmentId: z.string().nullish(),
  target: z.looseObject({ type: z.string(), id: z.string().nullish(), sentenceId: z.string().nullish() }).nullish(),
});

async function loadVersion({ planId, label }: { planId: string; label: string }) {
  const version = await getPrisma().planVersion.findUnique({
    where: { planId_label: { planId, label } },
    select: {
      createdAt: true,
      links: true,
      sections: {
        orderBy: { position: "asc" },
        select: {
          sectionId: true,
          key: true,
          title: true,
          part: true,
          level: true,
          content: true,
          section: { select: { guidance: true } },
        },
      },
    },
  });
  if (!version) throw new AppError("not_found", `No version "${label}" of this plan.`, { field: "version" });
  const keyOfSection = new Map(version.sections.filter((s) => s.sectionId).map((s) => [s.sectionId!, s.key]));
  // Rows that name no section are placed by their passage's block id, which is unique within the plan.
  const keyOfBlock = new Map<string, string>();
  for (const section of version.sections)
    for (const { blockId } of readPassages(contentOf(section))) keyOfBlock.set(blockId, section.key);
  const raw = Array.isArray(version.links) ? version.links : [];
  const links: TLinkRow[] = raw.flatMap((row) => {
    const parsed = ZSnapshotLink.safeParse(row);
    if (!parsed.success) return [];
    const link = parsed.data;
    const target = link.target;
    // "sentence:<dialogue>:<address>": the kind is before the first colon, the id (which has colons of its own) after it.
    const keyKind = link.targetKey?.slice(0, link.targetKey.indexOf(":")) ?? "";
    const keyId = link.targetKey?.slice(link.targetKey.indexOf(":") + 1) ?? null;
    const fromKey = (kind: string) => (keyKind === kind ? keyId : null);
    return [
      {
        id: link.id,
        sectionKey:
          link.sectionKey ??
          (link.sectionId ? keyOfSection.get(link.sectionId) : undefined) ??
          keyOfBlock.get(link.blockId ?? "") ??
          null,
        blockId: link.blockId ?? "",
        quoteExact: link.quoteExact ?? link.quote?.exact ?? "",
        relation: link.relation,
        status: link.status,
        statementId:
          link.statementId ?? (target?.type === "statement" ? (target.id ?? null) : null) ?? fromKey("statement"),
        sentenceId: link.sentenceId ?? target?.sentenceId ?? fromKey("sentence"),
        summaryItemId:
          link.summaryItemId ??
          (target?.type === "summary-item" ? (target.id ?? null) : null) ??
          fromKey("summary-item"),
        amendmentId:
          link.amendmentId ?? (target?.type === "amendment" ? (target.id ?? null) : null) ?? fromKey("amendment"),
        label: link.label ?? null,
      },
    ];
  });
  const sections: TLoadedSection[] = version.sections.map(({ section, ...s }) => ({
    ...s,
    id: s.sectionId,
    guidance: section?.guidance ?? null,
  }));
  return { sections, links, date: version.createdAt };
}

/** Each link's source, named the way the plan page names it (components/plan/source-list.tsx). */
async function resolveSources(links: TLinkRow[]): Promise<Map<string, TSourceDescription>> {
  const prisma = getPrisma();
  const ids = (pick: (link: TLinkRow) => string | null) => [
    ...new Set(links.map(pick).filter((id): id is string => Boolean(id))),
  ];
  // A snapshot may name only the sentence: its statement (speaker, segment) is found through it.
  const sentences = await prisma.sentence.findMany({
    where: { id: { in: ids((l) => l.sentenceId) } },
    select: { id: true, key: true, text: true, statementId: true },
  });
  const [statements, items, amendments] = await Promise.all([
    prisma.statement.findMany({
      where: { id: { in: [...new Set([...ids((l) => l.statementId), ...sentences.map((s) => s.statementId)])] } },
      select: {
        id: true,
        key: true,
        text: true,
        speaker: { select: { name: true, affiliation: true } },
        segment: { select: { kind: true, number: true, title: true } },
      },
    }),
    prisma.summaryItem.findMany({
      where: { id: { in: ids((l) => l.summaryItemId) } },
      select: { id: true, key: true, list: true, n: true, text: true },
    }),
    prisma.amendment.findMany({
      where: { id: { in: ids((l) => l.amendmentId) } },
      select: { id: true, number: true, newText: true, delegation: { select: { name: true } } },
    }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [statementOf, sentenceOf, itemOf, amendmentOf] = [
    byId(statements),
    byId(sentences),
    byId(items),
    byId(amendments),
  ];
  const described = new Map<string, TSourceDescription>();
  for (const link of links) {
    const amendment = link.amendmentId ? amendmentOf.get(link.amendmentId) : undefined;
    const item = link.summaryItemId ? itemOf.get(link.summaryItemId) : undefined;
    const sentence = link.sentenceId ? sentenceOf.get(link.sentenceId) : undefined;
    const statementId = link.statementId ?? sentence?.statementId;
    const statement = statementId ? statementOf.get(statementId) : undefined;
    if (amendment) {
      described.set(link.id, {
        label: describeAmendment(amendment),
        role: null,
        segment: null,
        address: `amendment-${amendment.number}`,
        quote: amendment.newText || "(deletion)",
      });
    } else if (item) {
      described.set(link.id, {
        label: `${SUMMARY_LIST_TITLES[item.list as SummaryListName]} ${item.n}`,
        role: null,
        segment: "Summary of the dialogue",
        address: item.key,
        quote: item.text,
      });
    } else if (statement) {
      described.set(link.id, {
        label: statement.speaker.name,
        role: statement.speaker.affiliation,
        segment: formatSegmentLabel(statement.segment),
        address: sentence?.key ?? statement.key,
        quote: sentence?.text ?? statement.text,
      });
    } else {
      described.set(link.id, {
        label: link.label ?? "Source no longer available",
        role: null,
        segment: null,
        address: "",
        quote: "",
      });
    }
  }
  return described;
}

function contentOf(section: { content: unknown }): JSONContent {
  return (section.content ?? { type: "doc", content: [] }) as JSONContent;
}

/**
 * The annex names each source; a suggestion of a whole statement would
 * otherwise fill a page per row. The full words of every cited source are in
 * its footnote.
 */
const ANNEX_QUOTE_MAX = 300;

const STATUS_ORDER = ["confirmed", "suspect", "suggested", "removed", "rejected"];

function buildAnnex({
  sections,
  links,
  sources,
  footnotes,
}: {
  sections: TSectionRow[];
  links: TLinkRow[];
  sources: Map<string, TSourceDescription>;
  footnotes: TFootnote[];
}): TAnnexRow[] {
  const notesOf = new Map<string, number[]>();
  for (const note of footnotes) notesOf.set(note.linkId, [...(notesOf.get(note.linkId) ?? []), note.n]);
  const rows: TAnnexRow[] = [];
  for (const section of sections) {
    const order = ["", ...readPassages(contentOf(section)).map((passage) => passage.blockId)];
    const rank = (blockId: string) => order.indexOf(blockId) + 1 || order.length + 1;
    const sectionLinks = links
      .filter((link) => link.sectionKey === section.key)
      .map((link, index) => ({ link, index }))
      // Stable: by passage in reading order, then status, then the links' own order.
      .sort(
        (a, b) =>
          rank(a.link.blockId) - rank(b.link.blockId) ||
          STATUS_ORDER.indexOf(a.link.status) - STATUS_ORDER.indexOf(b.link.status) ||
          a.index - b.index,
      );
    for (const { link } of sectionLinks) {
      const source = sources.get(link.id)!;
      rows.push({
        ...source,
        quote: shortenAtWord(source.quote, ANNEX_QUOTE_MAX),
        linkId: link.id,
        sectionTitle: section.title,
        blockId: link.blockId,
        passage: link.quoteExact,
        relation: link.relation,
        status: link.status,
        footnotes: notesOf.get(link.id) ?? [],
      });
    }
  }
  return rows;
}
