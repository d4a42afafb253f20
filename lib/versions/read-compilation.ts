/**
 * The compilation of proposals on one version of a plan ("Rev.1"), for
 * anyone who may read the plan: the version's text, and every amendment on
 * its paragraphs with where it stands now. Two kinds of amendment belong to
 * a version: those pending when it was taken (the version recorded them),
 * and those proposed on its text afterwards, until the next named version
 * was issued (for the latest revision, until now). Amendments are read
 * through the amendment list, so a reader sees exactly the amendments, the
 * co-sponsors and the decisions that list shows them.
 */
import { listAmendments } from "@/lib/amendments/list-amendments";
import type { ListedAmendment } from "@/lib/amendments/list-amendments";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { AppError } from "@/lib/errors";
import type { JSONContent } from "@tiptap/core";
import { buildCompilationRows } from "./compilation";
import type { CompilationAmendment, CompilationRow } from "./compilation";
import type { SnapshotAmendment } from "./read-plan-snapshot";

export type Compilation = {
  plan: { id: string; title: string };
  version: {
    id: string;
    number: number;
    label: string;
    kind: string;
    createdAt: Date;
    /** The round this version opened when issued as a revision (lib/negotiation); null otherwise. */
    round: { number: number; revision: number } | null;
  };
  /** Proposals made after this version up to this moment: the next named version, or null while it is the latest. */
  until: { label: string; createdAt: Date } | null;
  rows: CompilationRow[];
};

export async function readCompilation({
  viewer,
  planId,
  versionId,
}: {
  viewer: Actor;
  planId: string;
  versionId: string;
}): Promise<Compilation> {
  authorize(viewer, "plan.read");
  const prisma = getPrisma();
  // Looked up within the plan: another plan's version id is simply not found.
  const version = await prisma.planVersion.findFirst({
    where: { id: versionId, planId },
    select: {
      id: true,
      number: true,
      label: true,
      kind: true,
      createdAt: true,
      planTitle: true,
      amendments: true,
      plan: { select: { id: true, title: true } },
      openedRound: { select: { number: true, revision: true } },
      sections: { orderBy: { position: "asc" }, select: { key: true, title: true, part: true, content: true } },
    },
  });
  if (!version) throw new AppError("not_found", "No such version of this plan.");
  const next = await prisma.planVersion.findFirst({
    where: { planId, kind: "named", number: { gt: version.number } },
    orderBy: { number: "asc" },
    select: { label: true, createdAt: true },
  });
  const blockIds = new Set(
    version.sections.flatMap((section) => readPassages(section.content as JSONContent).map((p) => p.blockId)),
  );
  const amendments = collectAmendments({
    recorded: version.amendments as SnapshotAmendment[],
    listed: await listAmendments({ viewer, planId }),
    blockIds,
    from: version.createdAt,
    until: next?.createdAt ?? null,
  });
  return {
    plan: { id: version.plan.id, title: version.planTitle ?? version.plan.title },
    version: {
      id: version.id,
      number: version.number,
      label: version.label,
      kind: version.kind,
      createdAt: version.createdAt,
      round: version.openedRound,
    },
    until: next,
    rows: buildCompilationRows({ sections: version.sections, amendments }),
  };
}

/**
 * The version's recorded amendments, each as it stands now (a recorded one
 * whose row is gone keeps what the version recorded), then those proposed
 * on the version's paragraphs while it was the text under negotiation.
 */
function collectAmendments({
  recorded,
  listed,
  blockIds,
  from,
  until,
}: {
  recorded: SnapshotAmendment[];
  listed: ListedAmendment[];
  blockIds: Set<string>;
  from: Date;
  until: Date | null;
}): CompilationAmendment[] {
  const byId = new Map(listed.map((amendment) => [amendment.id, amendment]));
  const recordedIds = new Set(recorded.map((amendment) => amendment.id));
  const pendingThen = recorded.map((amendment) => {
    const now = byId.get(amendment.id);
    return now ? fromListed(now, false) : fromRecorded(amendment);
  });
  const proposedSince = listed
    .filter(
      (amendment) =>
        !recordedIds.has(amendment.id) &&
        blockIds.has(amendment.blockId) &&
        amendment.createdAt >= from &&
        (!until || amendment.createdAt < until),
    )
    .map((amendment) => fromListed(amendment, true));
  return [...pendingThen, ...proposedSince];
}

function fromListed(amendment: ListedAmendment, isSinceVersion: boolean): CompilationAmendment {
  return {
    id: amendment.id,
    number: amendment.number,
    blockId: amendment.blockId,
    kind: amendment.kind,
    quoteExact: amendment.quote.exact,
    quotePrefix: amendment.quote.prefix,
    quoteSuffix: amendment.quote.suffix,
    newText: amendment.newText,
    rationale: amendment.rationale,
    delegation: amendment.delegation?.name ?? null,
    sponsors: amendment.sponsors.map((sponsor) => sponsor.name),
    state: amendment.state,
    decisionReason: amendment.decisionReason,
    decidedAt: amendment.decidedAt,
    isSinceVersion,
    targetBlockId: amendment.paragraphChange?.targetBlockId ?? null,
  };
}

function fromRecorded(amendment: SnapshotAmendment): CompilationAmendment {
  return {
    id: amendment.id,
    number: amendment.number,
    blockId: amendment.blockId,
    kind: amendment.kind,
    quoteExact: amendment.quoteExact,
    newText: amendment.newText,
    rationale: amendment.rationale,
    delegation: amendment.delegation,
    sponsors: [],
    state: "pending",
    decisionReason: null,
    decidedAt: null,
    isSinceVersion: false,
    targetBlockId: amendment.paragraphChange?.targetBlockId ?? null,
  };
}
