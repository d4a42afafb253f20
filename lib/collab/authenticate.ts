/**
 * Who may open a section's live document, and how. Runs on every WebSocket
 * connection: the token names the user, everything else (role, disabled,
 * revoked sessions, the section's existence) is read from the database now.
 */
import { can } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { readTextLock } from "@/lib/negotiation/negotiation-state";
import { LIVE_SECTION } from "@/lib/plan/section-scope";
import { parseSectionDocumentName } from "./document-name";
import type { SectionDocument } from "./document-name";
import { verifyCollabToken } from "./token";

export type CollabUser = Actor & { name: string };
/**
 * What a connection was granted, and on the strength of which token (issuedAt, ms). `readOnly` is what the role
 * grants; `isTextLocked` says the plan's text is under silence or adopted (lib/negotiation/negotiation-state.ts), which
 * makes every connection read-only whatever the role, and changes while the connection lives (text-lock.ts).
 */
export type CollabAccess = {
  user: CollabUser;
  section: SectionDocument;
  readOnly: boolean;
  isTextLocked: boolean;
  issuedAt: number;
};

/** The mode a connection holds: read-only when the role says so, or while the text is locked. */
export function isConnectionReadOnly(access: Pick<CollabAccess, "readOnly" | "isTextLocked">): boolean {
  return access.readOnly || access.isTextLocked;
}

/** Thrown for every refusal; Hocuspocus turns it into `permission-denied` for the client. */
export class CollabAccessDenied extends Error {}

export async function authenticateCollab({
  token,
  documentName,
  secret,
}: {
  token: string;
  documentName: string;
  secret: string;
}): Promise<CollabAccess> {
  const section = parseSectionDocumentName(documentName);
  if (!section) throw new CollabAccessDenied(`unknown document ${JSON.stringify(documentName.slice(0, 80))}`);
  let payload;
  try {
    payload = verifyCollabToken({ token, secret });
  } catch (error) {
    throw new CollabAccessDenied((error as Error).message);
  }
  const user = await getPrisma().user.findUnique({
    where: { id: payload.sub },
    select: { id: true, name: true, role: true, delegationId: true, disabledAt: true, sessionsValidAfter: true },
  });
  if (!user || user.disabledAt) throw new CollabAccessDenied("no such enabled user");
  // Signing out everywhere (or a password change) also kills tokens issued before it.
  if (user.sessionsValidAfter && payload.iat <= user.sessionsValidAfter.getTime())
    throw new CollabAccessDenied("token revoked");
  if (!can(user, "plan.read")) throw new CollabAccessDenied("may not read plans");
  const exists = await getPrisma().planSection.count({
    where: { id: section.sectionId, planId: section.planId, ...LIVE_SECTION },
  });
  if (!exists) throw new CollabAccessDenied("no such section (or it was removed)");
  const isTextLocked = (await readTextLock(getPrisma(), section.planId)) !== null;
  return { user, section, readOnly: !can(user, "plan.edit"), isTextLocked, issuedAt: payload.iat };
}
