/**
 * Suggestions for one passage of a plan (a block, or the whole section when
 * blockId is ""). Sources already linked to the passage — confirmed, or
 * rejected once by a facilitator — are never suggested again for it.
 */
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { findPassage } from "@/lib/editor/passages";
import type { JSONContent } from "@tiptap/core";
import { AppError } from "@/lib/errors";
import { suggestSources } from "./suggest-sources";
import type { Suggestion } from "./suggest-sources";
import { LIVE_SECTION } from "@/lib/plan/section-scope";

export async function suggestForPassage({
  viewer,
  planId,
  sectionKey,
  blockId = "",
  limit = 10,
  text,
}: {
  viewer: Actor;
  planId: string;
  sectionKey: string;
  blockId?: string;
  limit?: number;
  /** The passage's live text, when the editor is ahead of the last save; then the block need not be saved yet. */
  text?: string;
}): Promise<Suggestion[]> {
  authorize(viewer, "plan.read");
  const prisma = getPrisma();
  const section = await prisma.planSection.findFirst({
    where: { planId, key: sectionKey, ...LIVE_SECTION },
    select: { id: true, title: true, text: true, content: true, plan: { select: { dialogueId: true } } },
  });
  if (!section) throw new AppError("not_found", "No such section in this plan.");
  const block = blockId ? findPassage(section.content as JSONContent, blockId) : null;
  if (blockId && !block && !text) throw new AppError("not_found", "No such passage in this section.");
  const linked = await prisma.provenanceLink.findMany({
    where: { sectionId: section.id, blockId },
    select: { targetKey: true },
  });
  return suggestSources({
    dialogueId: section.plan.dialogueId,
    text: text ?? (block ? block.text : `${section.title}\n${section.text}`),
    limit,
    excludeTargetKeys: new Set(linked.map((l) => l.targetKey)),
  });
}
