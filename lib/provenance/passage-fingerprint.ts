import type { JSONContent } from "@tiptap/core";
import type { Tx } from "@/lib/db";
import { findPassage } from "@/lib/editor/passages";
import { fingerprintPassage } from "./fingerprint";

/**
 * The fingerprint of a passage as last saved, for a link being confirmed now;
 * null for a section-wide link or a passage not saved yet (the next save then
 * takes it from the text it replaces).
 */
export async function fingerprintSavedPassage(tx: Tx, sectionId: string, blockId: string): Promise<string | null> {
  if (!blockId) return null;
  const section = await tx.planSection.findUnique({ where: { id: sectionId }, select: { content: true } });
  const block = section ? findPassage(section.content as JSONContent, blockId) : undefined;
  return block ? fingerprintPassage(block.text) : null;
}
