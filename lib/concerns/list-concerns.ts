/**
 * A plan's concern register as this user may see it, by number: each entry
 * with where it came from, who raised it, its status and its answer, or,
 * while raised, the sections where it is to be answered (the sections that
 * seeding, or a facilitator, linked to it as responding to it). Reading
 * first ensures the dialogue's concerns are on it (see ensureConcernRegister).
 */
import type { JSONContent } from "@tiptap/core";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { authorize, concernsVisibleWhere } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { ensureConcernRegister } from "./ensure-concern-register";
import type { TConcernFilter } from "./schemas";
import { IN_LIVE_SECTION } from "@/lib/plan/section-scope";

export async function listConcerns({
  viewer,
  planId,
  filter = {},
}: {
  viewer: Actor;
  planId: string;
  filter?: TConcernFilter;
}) {
  authorize(viewer, "plan.read");
  await ensureConcernRegister({ planId });
  const prisma = getPrisma();
  const concerns = await prisma.concern.findMany({
    where: {
      planId,
      ...concernsVisibleWhere(viewer),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.origin ? { origin: filter.origin } : {}),
    },
    orderBy: { number: "asc" },
    include: {
      plan: { select: { dialogueId: true } },
      summaryItem: { select: { key: true } },
      thread: { select: { id: true, number: true, visibility: true, section: { select: { key: true } } } },
      delegation: { select: { id: true, name: true } },
      answerSection: { select: { id: true, key: true, title: true } },
      answerLink: { select: { status: true } },
      decidedBy: { select: { name: true } },
    },
  });
  // Each answering section's blocks once, to flag an answer whose passage was since deleted from the text.
  const sectionIds = [...new Set(concerns.flatMap((c) => (c.answerSectionId ? [c.answerSectionId] : [])))];
  const sections = sectionIds.length
    ? await prisma.planSection.findMany({ where: { id: { in: sectionIds } }, select: { id: true, content: true } })
    : [];
  const blocksBySection = new Map(
    sections.map((s) => [s.id, new Set(readPassages(s.content as JSONContent).map((p) => p.blockId))]),
  );
  const homes = await findAnswerHomes(planId, concerns);
  return concerns.map((c) => ({
    id: c.id,
    number: c.number,
    origin: c.origin,
    text: c.text,
    status: c.status,
    source: c.summaryItem
      ? {
          type: "dialogue" as const,
          key: c.summaryItem.key,
          href: `/dialogues/${c.plan.dialogueId}#${c.summaryItem.key}`,
        }
      : {
          type: "comment" as const,
          threadNumber: c.thread!.number,
          visibility: c.thread!.visibility,
          href: `/plans/${planId}#thread-${c.thread!.id}`,
        },
    delegation: c.delegation,
    answer:
      c.status === "addressed" && c.answerSection && c.answerBlockId
        ? {
            section: { key: c.answerSection.key, title: c.answerSection.title },
            blockId: c.answerBlockId,
            quote: c.answerQuote ?? "",
            href: `/plans/${planId}#passage-${c.answerBlockId}`,
            /** The passage is no longer in the section's saved text. */
            isMissing: !blocksBySection.get(c.answerSection.id)?.has(c.answerBlockId),
            /** The provenance link's status when it is no longer confirmed (e.g. suspect after an edit). */
            linkStatus: c.answerLink?.status ?? null,
          }
        : null,
    answerIn:
      c.status === "raised" && c.summaryItemId
        ? (homes.get(c.summaryItemId) ?? []).map((s) => ({ ...s, href: `/plans/${planId}#${s.key}` }))
        : [],
    noteReason: c.status === "noted" ? c.noteReason : null,
    decidedBy: c.decidedBy,
    decidedAt: c.decidedAt,
    createdAt: c.createdAt,
  }));
}

export type ConcernEntry = Awaited<ReturnType<typeof listConcerns>>[number];

/** For each dialogue concern, the sections with a confirmed responds_to_concern link to it, in the plan's order. */
async function findAnswerHomes(planId: string, concerns: { summaryItemId: string | null }[]) {
  const itemIds = concerns.flatMap((c) => (c.summaryItemId ? [c.summaryItemId] : []));
  const links = itemIds.length
    ? await getPrisma().provenanceLink.findMany({
        where: {
          planId,
          summaryItemId: { in: itemIds },
          relation: "responds_to_concern",
          status: "confirmed",
          ...IN_LIVE_SECTION,
        },
        select: { summaryItemId: true, section: { select: { key: true, title: true, position: true } } },
      })
    : [];
  const homes = new Map<string, { key: string; title: string; position: number }[]>();
  for (const { summaryItemId, section } of links) {
    const list = homes.get(summaryItemId!) ?? [];
    if (!list.some((s) => s.key === section.key)) list.push(section);
    homes.set(summaryItemId!, list);
  }
  for (const list of homes.values()) list.sort((a, b) => a.position - b.position);
  return new Map([...homes].map(([id, list]) => [id, list.map(({ key, title }) => ({ key, title }))]));
}
