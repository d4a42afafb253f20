/**
 * Access is checked when a connection opens, but a socket can stay open for
 * hours. Every so often each open connection's user is read again: a user
 * disabled or signed out everywhere since, or whose role no longer grants
 * the mode they hold (a facilitator made observer), is disconnected: their
 * whole socket is closed, since a provider only re-authenticates when its
 * socket reconnects, and then every document on it is judged afresh.
 */
import type { Hocuspocus } from "@hocuspocus/server";
import { can } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { isConnectionReadOnly } from "./authenticate";
import type { CollabAccess } from "./authenticate";

type CurrentRow = {
  id: string;
  role: CollabAccess["user"]["role"];
  delegationId: string | null;
  disabledAt: Date | null;
  sessionsValidAfter: Date | null;
};

function isStillGranted(access: CollabAccess, user: CurrentRow | undefined): boolean {
  if (!user || user.disabledAt) return false;
  if (user.sessionsValidAfter && access.issuedAt <= user.sessionsValidAfter.getTime()) return false;
  if (!can(user, "plan.read")) return false;
  return access.readOnly === !can(user, "plan.edit");
}

function grantedConnections(hocuspocus: Hocuspocus, userId?: string) {
  const connections = [...hocuspocus.documents.values()].flatMap((document) => document.getConnections());
  return connections.filter((connection) => {
    const user = (connection.context as Partial<CollabAccess> | undefined)?.user;
    return user && (!userId || user.id === userId);
  });
}

/**
 * Makes every connection of the user read-only at once, before their access
 * is read again: between an admin's change and the recheck's query, an edit
 * from them is refused (not acknowledged) rather than taken. A recheck that
 * finds them still granted gives the mode back.
 */
export function suspendUserConnections(hocuspocus: Hocuspocus, userId: string): void {
  for (const connection of grantedConnections(hocuspocus, userId)) connection.readOnly = true;
}

/** Closes the sockets whose user (or only `userId`) lost the access they were granted; returns how many. */
export async function recheckConnections(hocuspocus: Hocuspocus, userId?: string): Promise<number> {
  const granted = grantedConnections(hocuspocus, userId);
  if (!granted.length) return 0;
  const ids = [...new Set(granted.map((connection) => (connection.context as CollabAccess).user.id))];
  const rows = await getPrisma().user.findMany({
    where: { id: { in: ids } },
    select: { id: true, role: true, delegationId: true, disabledAt: true, sessionsValidAfter: true },
  });
  const users = new Map(rows.map((row) => [row.id, row]));
  const sockets = new Set<(typeof granted)[number]["webSocket"]>();
  for (const connection of granted) {
    const access = connection.context as CollabAccess;
    if (!isStillGranted(access, users.get(access.user.id))) sockets.add(connection.webSocket);
    else connection.readOnly = isConnectionReadOnly(access);
  }
  for (const socket of sockets) socket.close(4403, "permission-denied");
  return sockets.size;
}
