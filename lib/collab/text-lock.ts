/**
 * Puts a plan's open connections in the mode its text lock calls for: when a revision goes under silence (or is
 * adopted), every connection to the plan's sections turns read-only at once, so no edit is taken from then on; when
 * silence is broken (or a new round opens), each gets back what its role grants. The pages hear the same notice and
 * render again with a read-only editor, which opens connections of its own.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import { getPrisma } from "@/lib/db";
import { readTextLock } from "@/lib/negotiation/negotiation-state";
import { isConnectionReadOnly } from "./authenticate";
import type { CollabAccess } from "./authenticate";
import { parseSectionDocumentName } from "./document-name";

export async function applyTextLock(hocuspocus: Hocuspocus, planId: string): Promise<void> {
  const documents = [...hocuspocus.documents.values()].filter(
    (document) => parseSectionDocumentName(document.name)?.planId === planId,
  );
  if (!documents.length) return;
  const isTextLocked = (await readTextLock(getPrisma(), planId)) !== null;
  for (const connection of documents.flatMap((document) => document.getConnections())) {
    const access = connection.context as Partial<CollabAccess> | undefined;
    if (!access?.user) continue;
    access.isTextLocked = isTextLocked;
    connection.readOnly = isConnectionReadOnly(access as CollabAccess);
  }
}
