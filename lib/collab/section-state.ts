/**
 * The collaboration server's persistence: a section's Y.Doc in and out of
 * PostgreSQL. Each load and store runs in one transaction holding the
 * section's row lock, so two collab instances (or a seed and a store) never
 * interleave.
 */
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { planSchema as schema, toPlainText } from "@/lib/editor/plan-document";
import { AppError } from "@/lib/errors";
import { reconcileLinks } from "./reconcile-links";
import type { ReconcileResult } from "./reconcile-links";

/** The Y.XmlFragment that Tiptap's Collaboration extension edits (its default `field`). */
export const YDOC_FIELD = "default";

type LockedSection = { ydoc: Uint8Array | null; content: JSONContent };

async function lockSection(tx: Tx, { planId, sectionId }: { planId: string; sectionId: string }): Promise<LockedSection> {
  const rows = await tx.$queryRaw<LockedSection[]>`
    SELECT "ydoc", "content" FROM "PlanSection" WHERE "id" = ${sectionId} AND "planId" = ${planId} FOR UPDATE`;
  if (!rows.length) throw new AppError("not_found", "No such section in this plan.");
  return rows[0];
}

/** A Y.Doc holding the given Tiptap JSON, built with the shared schema. */
export function ydocFromContent(content: JSONContent): Y.Doc {
  return prosemirrorJSONToYDoc(schema, content, YDOC_FIELD);
}

/** The Tiptap JSON of a Y.Doc, checked against the shared schema. */
export function contentFromYdoc(doc: Y.Doc): JSONContent {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(YDOC_FIELD), schema).toJSON() as JSONContent;
}

/**
 * The section's Yjs state. On the very first load the seeded Tiptap JSON is
 * converted here, once, and stored: a client never seeds content, so two
 * clients (or two collab instances) can never each insert the seed.
 */
export async function loadSectionState(section: { planId: string; sectionId: string }): Promise<Uint8Array> {
  return getPrisma().$transaction(async (tx) => {
    const locked = await lockSection(tx, section);
    if (locked.ydoc) return new Uint8Array(locked.ydoc);
    const state = Y.encodeStateAsUpdate(ydocFromContent(locked.content));
    await tx.planSection.update({ where: { id: section.sectionId }, data: { ydoc: new Uint8Array(state) } });
    return state;
  });
}

export type StoreResult = { status: "unchanged" } | ({ status: "saved" } & ReconcileResult);

/**
 * Saves the live document: Yjs state, Tiptap JSON and plain text (the
 * search index follows from the text), then brings the section's links in
 * line with it. Under the row lock the stored state is first merged into the
 * live document, so a save by another instance (or a stale save of our own)
 * is never overwritten, only added to. Skips the write when nothing changed.
 */
export async function storeSectionState(section: { planId: string; sectionId: string }, doc: Y.Doc, actorId: string | null, { isRehearsal = false } = {}): Promise<StoreResult> {
  return getPrisma().$transaction(async (tx) => {
    const locked = await lockSection(tx, section);
    if (locked.ydoc) Y.applyUpdate(doc, new Uint8Array(locked.ydoc), STORED_STATE_ORIGIN);
    const state = Y.encodeStateAsUpdate(doc);
    if (!isRehearsal && locked.ydoc && Buffer.from(locked.ydoc).equals(Buffer.from(state))) return { status: "unchanged" as const };
    const reconciled = await writeSectionState(tx, section, { doc, state, before: locked.content, actorId });
    if (isRehearsal) throw new RehearsalDone();
    return { status: "saved" as const, ...reconciled };
  });
}

/** Writes the three forms of a section's document, then brings its links in line with the new text. */
async function writeSectionState(tx: Tx, section: { planId: string; sectionId: string }, { doc, state, before, actorId }: { doc: Y.Doc; state: Uint8Array; before: JSONContent; actorId: string | null }) {
  const content = contentFromYdoc(doc);
  await tx.planSection.update({
    where: { id: section.sectionId },
    data: { ydoc: new Uint8Array(state), content: content as object, text: toPlainText(content) },
  });
  return reconcileLinks(tx, { ...section, before, after: content, actorId });
}

/**
 * A server-side edit of a section, in the caller's transaction, for edits
 * that must commit together with other rows (an accepted amendment and its
 * provenance link). `edit` changes the stored document through Yjs, so the
 * change merges with whatever editors typed meanwhile; it returns false to
 * leave the section untouched. The caller then sends a MERGE_STORED notice
 * so live documents take the change at once.
 */
export async function editSectionState<T>(tx: Tx, section: { planId: string; sectionId: string }, { edit, actorId }: { edit: (doc: Y.Doc) => T | false; actorId: string | null }): Promise<{ result: T | false; content: JSONContent }> {
  const locked = await lockSection(tx, section);
  const doc = locked.ydoc ? new Y.Doc() : ydocFromContent(locked.content);
  if (locked.ydoc) Y.applyUpdate(doc, new Uint8Array(locked.ydoc));
  const result = edit(doc);
  if (result === false) return { result, content: locked.content };
  await writeSectionState(tx, section, { doc, state: Y.encodeStateAsUpdate(doc), before: locked.content, actorId });
  return { result, content: contentFromYdoc(doc) };
}

class RehearsalDone extends Error {}

/**
 * Runs one full store of a section and rolls it back, so the collaboration
 * server compiles its queries and warms its code before the first real
 * store: otherwise that store blocks the event loop for a few hundred
 * milliseconds, and every keystroke in flight waits.
 */
export async function rehearseStore(): Promise<void> {
  const section = await getPrisma().planSection.findFirst({ select: { id: true, planId: true, content: true } });
  if (!section) return;
  const doc = ydocFromContent(section.content as JSONContent);
  await storeSectionState({ planId: section.planId, sectionId: section.id }, doc, null, { isRehearsal: true }).catch((error) => {
    if (!(error instanceof RehearsalDone)) throw error;
  });
}

/** Marks updates that come from PostgreSQL rather than from a client. */
export const STORED_STATE_ORIGIN = Symbol("stored-state");
