/**
 * The plan as a version records it: every section as last stored (Yjs state,
 * Tiptap JSON, text), every provenance link named for readers, and the
 * pending amendments — read from the stored rows, not from live documents,
 * so any process (the app, the collab server, a script) can take it.
 */
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { JSONContent } from "@tiptap/core";
import { describeAmendment } from "@/lib/amendments/describe-amendment";
import { describeParagraphChange, isParagraphAmendment } from "@/lib/amendments/paragraph-change";
import type { ParagraphChange } from "@/lib/amendments/paragraph-change";
import { numberParagraphs, readPassages } from "@/lib/editor/passages";
import { IN_LIVE_SECTION, LIVE_SECTION } from "@/lib/plan/section-scope";
import { describeLink } from "./describe-link";

export type SnapshotSection = {
  sectionId: string;
  key: string;
  title: string;
  position: number;
  part: "main" | "annex";
  level: number;
  content: unknown;
  text: string;
  ydoc: Uint8Array | null;
};
export type SnapshotLink = {
  id: string;
  sectionKey: string;
  blockId: string;
  quoteExact: string;
  targetType: string;
  targetKey: string;
  relation: string;
  status: string;
  cited: boolean;
  label: string;
};
export type SnapshotAmendment = {
  id: string;
  number: number;
  label: string;
  sectionKey: string;
  blockId: string;
  kind: string;
  quoteExact: string;
  newText: string;
  rationale: string;
  delegation: string | null;
  /**
   * Only on a whole-paragraph amendment (kept off the others so their versions hash as before): how it reads
   * against this version's numbering ("New paragraph OP 5 bis"), a move's target and a new paragraph's style.
   */
  paragraphChange?: {
    label: string;
    targetBlockId: string | null;
    paragraphKind: string | null;
    paragraphLevel: number | null;
  };
};
export type PlanSnapshot = {
  /** The plan's title: a version captures it with the structure. */
  title: string;
  sections: SnapshotSection[];
  links: SnapshotLink[];
  amendments: SnapshotAmendment[];
  contentHash: string;
};

export async function readPlanSnapshot({
  db,
  planId,
  withYdoc = true,
}: {
  db: Tx;
  planId: string;
  withYdoc?: boolean;
}): Promise<PlanSnapshot> {
  const [plan, sections, links, amendments] = await Promise.all([
    db.plan.findUniqueOrThrow({ where: { id: planId }, select: { title: true } }),
    db.planSection.findMany({
      where: { planId, ...LIVE_SECTION },
      orderBy: { position: "asc" },
      select: {
        id: true,
        key: true,
        title: true,
        position: true,
        part: true,
        level: true,
        content: true,
        text: true,
        ydoc: withYdoc,
      },
    }),
    // A removed section's links and amendments are kept with it, not in the plan a version records.
    db.provenanceLink.findMany({
      where: { planId, ...IN_LIVE_SECTION },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        blockId: true,
        quoteExact: true,
        targetType: true,
        targetKey: true,
        relation: true,
        status: true,
        cited: true,
        section: { select: { key: true } },
        statement: { select: { key: true, speaker: { select: { name: true } } } },
        sentence: { select: { key: true } },
        summaryItem: { select: { list: true, n: true } },
        amendment: { select: { number: true, delegation: { select: { name: true } } } },
      },
    }),
    db.amendment.findMany({
      where: { planId, status: "pending", ...IN_LIVE_SECTION },
      orderBy: { number: "asc" },
      select: {
        id: true,
        number: true,
        blockId: true,
        kind: true,
        quoteExact: true,
        newText: true,
        rationale: true,
        targetBlockId: true,
        paragraphKind: true,
        paragraphLevel: true,
        section: { select: { key: true } },
        delegation: { select: { name: true } },
      },
    }),
  ]);
  const describeParagraphs = paragraphChangeDescriber(sections);
  const snapshot = {
    title: plan.title,
    sections: sections.map((s) => ({
      sectionId: s.id,
      key: s.key,
      title: s.title,
      position: s.position,
      part: s.part,
      level: s.level,
      content: s.content,
      text: s.text,
      ydoc: s.ydoc ? new Uint8Array(s.ydoc) : null,
    })),
    links: links.map((l) => ({
      id: l.id,
      sectionKey: l.section.key,
      blockId: l.blockId,
      quoteExact: l.quoteExact,
      targetType: l.targetType,
      targetKey: l.targetKey,
      relation: l.relation,
      status: l.status,
      cited: l.cited,
      label: describeLink(l),
    })),
    amendments: amendments.map((a) => ({
      id: a.id,
      number: a.number,
      label: describeAmendment(a),
      sectionKey: a.section.key,
      blockId: a.blockId,
      kind: a.kind,
      quoteExact: a.quoteExact,
      newText: a.newText,
      rationale: a.rationale,
      delegation: a.delegation?.name ?? null,
      ...(isParagraphAmendment(a.kind)
        ? {
            paragraphChange: {
              label: describeParagraphs(a as ParagraphChange),
              targetBlockId: a.targetBlockId,
              paragraphKind: a.paragraphKind,
              paragraphLevel: a.paragraphLevel,
            },
          }
        : {}),
    })),
  };
  return { ...snapshot, contentHash: hashSnapshot(snapshot) };
}

/** Names paragraph amendments against the sections' own numbering; reads the documents only when one is asked for. */
function paragraphChangeDescriber(sections: { part: "main" | "annex"; content: unknown }[]) {
  let numbered: { numbers: ReturnType<typeof numberParagraphs>; texts: Map<string, string> } | null = null;
  return (change: ParagraphChange) => {
    if (!numbered) {
      const read = sections.map((s) => ({ part: s.part, passages: readPassages(s.content as JSONContent) }));
      numbered = {
        numbers: numberParagraphs(read),
        texts: new Map(read.flatMap((s) => s.passages.map((p) => [p.blockId, p.text] as const))),
      };
    }
    return describeParagraphChange(change, numbered.numbers, numbered.texts);
  };
}

/**
 * sha256 over the documents, links and open amendments, with object keys
 * sorted: the same plan always hashes the same, whatever order PostgreSQL
 * or Yjs happened to write the keys in. The Yjs state is left out on
 * purpose — two states can hold the same document (edits typed and undone),
 * and such a snapshot would be identical to the reader.
 */
function hashSnapshot({ title, sections, links, amendments }: Omit<PlanSnapshot, "contentHash">): string {
  const documents = sections.map(({ key, title, position, part, level, content }) => ({
    key,
    title,
    position,
    // Left out while they hold their defaults, so plans drafted before sections had parts and levels hash as before.
    ...(part !== "main" ? { part } : {}),
    ...(level !== 1 ? { level } : {}),
    content,
  }));
  return createHash("sha256").update(canonicalJson({ title, documents, links, amendments })).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
