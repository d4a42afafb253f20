/**
 * Writes notifications inside the caller's transaction, so a notification
 * exists exactly when the thing it announces does. Recipients are users and
 * the members of delegations; the actor is never notified of their own act.
 * On commit, PostgreSQL NOTIFY tells every app instance whose users have new
 * notifications, so each can push them to the browsers it serves.
 */
import type { Tx } from "@/lib/db";
import { sendNotificationNotice } from "@/lib/live/channels";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export type NotificationInput = {
  kind: NotificationKind;
  /** Users to notify, and delegations whose active members are notified. */
  recipients: { userIds?: string[]; delegationIds?: string[] };
  /** Who caused it: never notified themselves. */
  actorId: string | null;
  planId: string | null;
  title: string;
  href: string;
  resource: { type: "comment_thread" | "amendment" | "concern" | "silence_procedure" | "plan_version"; id: string };
  /** Narrows the recipients to those allowed to see the resource (e.g. facilitators-only threads). */
  audience?: (user: { id: string; role: string }) => boolean;
};

/** Creates one notification per distinct recipient; returns who was notified. */
export async function notify(tx: Tx, input: NotificationInput): Promise<string[]> {
  const userIds = await resolveRecipients(tx, input);
  if (!userIds.length) return [];
  await tx.notification.createMany({
    data: userIds.map((userId) => ({
      userId,
      kind: input.kind,
      planId: input.planId,
      title: input.title,
      href: input.href,
      resourceType: input.resource.type,
      resourceId: input.resource.id,
      actorId: input.actorId,
    })),
  });
  // NOTIFY payloads are capped at 8000 bytes; ids are ~25 characters, so send them in batches.
  for (let start = 0; start < userIds.length; start += 200) {
    await sendNotificationNotice(tx, { userIds: userIds.slice(start, start + 200) });
  }
  return userIds;
}

async function resolveRecipients(tx: Tx, input: NotificationInput): Promise<string[]> {
  const { userIds = [], delegationIds = [] } = input.recipients;
  if (!userIds.length && !delegationIds.length) return [];
  const users = await tx.user.findMany({
    where: {
      disabledAt: null,
      OR: [{ id: { in: userIds } }, { delegationId: { in: delegationIds } }],
    },
    select: { id: true, role: true },
  });
  return users.filter((user) => user.id !== input.actorId && (input.audience?.(user) ?? true)).map((user) => user.id);
}
