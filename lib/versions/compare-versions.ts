/**
 * Compares two versions of a plan, or a version with the live draft (as
 * last saved), section by section: which sections were added, removed or
 * changed (matched by key), an inline word diff of each changed section,
 * the words added and removed, and the citations that appear in one text
 * and not the other — named by their source, as the version recorded it.
 */
import type { JSONContent } from "@tiptap/core";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { diffWords } from "@/lib/diff/word-diff";
import type { DiffSegment } from "@/lib/diff/word-diff";
import { outlinePassages, readPassages } from "@/lib/editor/passages";
import { AppError } from "@/lib/errors";
import { countDiffWords } from "./count-diff-words";
import { readPlanSnapshot } from "./read-plan-snapshot";
import type { SnapshotLink } from "./read-plan-snapshot";
import { LIVE } from "./schemas";
import type { TCompareVersions } from "./schemas";

type Side = {
  version: { id: string; number: number; label: string; kind: string; createdAt: Date } | null;
  sections: { key: string; title: string; position: number; content: unknown; text: string }[];
  links: SnapshotLink[];
};

export type CitationChange = { linkId: string; label: string };
export type SectionComparison = {
  key: string;
  title: string;
  status: "added" | "removed" | "changed" | "unchanged";
  /** The word diff from one text to the other; empty when unchanged. */
  segments: DiffSegment[];
  wordsAdded: number;
  wordsRemoved: number;
  citationsAdded: CitationChange[];
  citationsRemoved: CitationChange[];
};

export async function compareVersions({
  viewer,
  planId,
  input,
}: {
  viewer: Actor;
  planId: string;
  input: TCompareVersions;
}) {
  authorize(viewer, "plan.read");
  const [from, to] = await Promise.all([loadSide(planId, input.from), loadSide(planId, input.to)]);
  const labels = new Map([...from.links, ...to.links].map((link) => [link.id, link.label]));
  const before = new Map(from.sections.map((s) => [s.key, s]));
  const after = new Map(to.sections.map((s) => [s.key, s]));
  const keys = [...to.sections.map((s) => s.key), ...from.sections.filter((s) => !after.has(s.key)).map((s) => s.key)];
  const sections = keys.map((key) => compareSection(key, before.get(key), after.get(key), labels));
  const changed = sections.filter((s) => s.status !== "unchanged");
  return {
    from: describeSide(from),
    to: describeSide(to),
    sections,
    totals: {
      sectionsChanged: changed.length,
      wordsAdded: changed.reduce((sum, s) => sum + s.wordsAdded, 0),
      wordsRemoved: changed.reduce((sum, s) => sum + s.wordsRemoved, 0),
    },
  };
}

export type VersionComparison = Awaited<ReturnType<typeof compareVersions>>;

async function loadSide(planId: string, side: string): Promise<Side> {
  const prisma = getPrisma();
  if (side === LIVE) {
    if (!(await prisma.plan.findUnique({ where: { id: planId }, select: { id: true } })))
      throw new AppError("not_found", "No such plan.");
    const snapshot = await readPlanSnapshot({ db: prisma, planId, withYdoc: false });
    return { version: null, sections: snapshot.sections, links: snapshot.links };
  }
  const version = await prisma.planVersion.findFirst({
    where: { id: side, planId },
    select: {
      id: true,
      number: true,
      label: true,
      kind: true,
      createdAt: true,
      links: true,
      sections: {
        orderBy: { position: "asc" },
        select: { key: true, title: true, position: true, content: true, text: true },
      },
    },
  });
  if (!version) throw new AppError("not_found", "No such version of this plan.");
  const { sections, links, ...meta } = version;
  return { version: meta, sections, links: links as SnapshotLink[] };
}

function describeSide(side: Side) {
  return side.version
    ? { ...side.version, isLive: false }
    : { id: LIVE, number: null, label: "Live draft", kind: LIVE, createdAt: null, isLive: true };
}

type SectionSide = Side["sections"][number] | undefined;

function compareSection(key: string, a: SectionSide, b: SectionSide, labels: Map<string, string>): SectionComparison {
  const title = (b ?? a)!.title;
  const isSame = a && b && a.text === b.text && JSON.stringify(a.content) === JSON.stringify(b.content);
  if (isSame)
    return {
      key,
      title,
      status: "unchanged",
      segments: [],
      wordsAdded: 0,
      wordsRemoved: 0,
      citationsAdded: [],
      citationsRemoved: [],
    };
  const citations = compareCitations(a?.content, b?.content, labels);
  // Compared as outlines, so a list stays a list ("• item" per line), not lines of plain text.
  const outline = (side: SectionSide) =>
    side?.content ? outlinePassages(side.content as JSONContent) : (side?.text ?? "");
  const segments = diffWords(outline(a), outline(b));
  const words = countDiffWords(segments);
  const status = !a ? "added" : !b ? "removed" : "changed";
  return { key, title, status, segments, wordsAdded: words.added, wordsRemoved: words.removed, ...citations };
}

function compareCitations(a: unknown, b: unknown, labels: Map<string, string>) {
  const cited = (content: unknown) =>
    new Set(content ? readPassages(content as JSONContent).flatMap((p) => p.citations) : []);
  const [before, after] = [cited(a), cited(b)];
  const describe = (linkId: string): CitationChange => ({
    linkId,
    label: labels.get(linkId) ?? "a source no longer recorded",
  });
  return {
    citationsAdded: [...after].filter((id) => !before.has(id)).map(describe),
    citationsRemoved: [...before].filter((id) => !after.has(id)).map(describe),
  };
}
