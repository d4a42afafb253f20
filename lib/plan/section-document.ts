/**
 * A section's document in and out of PostgreSQL: the collaboration server's
 * loads and stores, and server-side edits. Each runs in one transaction
 * holding the section's row lock, so two collab instances (or a store and a
 * server-side edit) never interleave.
 *
 * Server-side edits (an accepted amendment, a restore) take one path: the
 * stored document is edited through Yjs inside the writer's transaction
 * (editSectionState), so the edit commits or rolls back with the rows it
 * belongs with; then a "merge-stored" notice makes every collab server merge
 * the stored state into its live document, and editors see it at once. The
 * one exception is a comment's mark, which the collaboration server itself
 * puts in through a direct connection: it is already holding the live
 * document, and a mark has no rows to commit with.
 */
import { assertTextOpen } from "@/lib/negotiation/negotiation-state";
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { getPrisma } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { toPlainText } from "@/lib/editor/plan-document";
import { contentFromYdoc, ydocFromContent } from "@/lib/editor/ydoc";
import { AppError } from "@/lib/errors";
import { dropChangedStatuses } from "@/lib/plan/drop-changed-statuses";
import { reconcileLinks } from "@/lib/provenance/reconcile-links";
import type { ReconcileResult } from "@/lib/provenance/reconcile-links";

type LockedSection = { ydoc: Uint8Array | null; content: JSONContent };

/** Locks the section's row for the transaction (every write to its document or paragraphs takes it); 404 when it is not this plan's. */
export async function lockSection(
  tx: Tx,
  { planId, sectionId }: { planId: string; sectionId: string },
): Promise<LockedSection> {
  const rows = await tx.$queryRaw<LockedSection[]>`
    SELECT "ydoc", "content" FROM "PlanSection" WHERE "id" = ${sectionId} AND "planId" = ${planId} FOR UPDATE`;
  if (!rows.length) throw new AppError("not_found", "No such section in this plan.");
  return rows[0];
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
export async function storeSectionState(
  section: { planId: string; sectionId: string },
  doc: Y.Doc,
  actorId: string | null,
  { isRehearsal = false } = {},
): Promise<StoreResult> {
  return getPrisma().$transaction(async (tx) => {
    const locked = await lockSection(tx, section);
    if (locked.ydoc) Y.applyUpdate(doc, new Uint8Array(locked.ydoc), STORED_STATE_ORIGIN);
    const state = Y.encodeStateAsUpdate(doc);
    if (!isRehearsal && locked.ydoc && Buffer.from(locked.ydoc).equals(Buffer.from(state)))
      return { status: "unchanged" as const };
    const reconciled = await writeSectionState(tx, section, { doc, state, before: locked.content, actorId });
    if (isRehearsal) throw new RehearsalDone();
    return { status: "saved" as const, ...reconciled };
  });
}

/** Writes the three forms of a section's document, then brings its links in line with the new text. */
async function writeSectionState(
  tx: Tx,
  section: { planId: string; sectionId: string },
  { doc, state, before, actorId }: { doc: Y.Doc; state: Uint8Array; before: JSONContent; actorId: string | null },
) {
  const content = contentFromYdoc(doc);
  await tx.planSection.update({
    where: { id: section.sectionId },
    data: { ydoc: new Uint8Array(state), content: content as object, text: toPlainText(content) },
  });
  // A paragraph whose words changed is no longer agreed: its status drops back to pending, audited with the actor.
  await dropChangedStatuses(tx, { ...section, after: content, actorId });
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
export async function editSectionState<T>(
  tx: Tx,
  section: { planId: string; sectionId: string },
  { edit, actorId }: { edit: (doc: Y.Doc) => T | false; actorId: string | null },
): Promise<{ result: T | false; content: JSONContent }> {
  // Every server-side edit of the text comes through here (an accepted amendment, a restore): none while the text
  // is under silence or adopted (409).
  await assertTextOpen(tx, section.planId);
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
  await storeSectionState({ planId: section.planId, sectionId: section.id }, doc, null, { isRehearsal: true }).catch(
    (error) => {
      if (!(error instanceof RehearsalDone)) throw error;
    },
  );
}

/** Marks updates that come from PostgreSQL rather than from a client. */
export const STORED_STATE_ORIGIN = Symbol("stored-state");
