/**
 * The notifications a comment causes, written in the comment's own
 * transaction: mentions of a user or a delegation, and (for a reply) the
 * thread's participants. Each person hears once per comment, and a mention
 * wins over a plain reply. A facilitators-only thread notifies only
 * facilitators and admins, whoever is named in it: its title and link must
 * not reach anyone else, not even as a notification.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Tx } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import type { Mention } from "./mentions";
import { seesFacilitatorThreads } from "@/lib/auth/policies";

type ThreadRef = {
  id: string;
  planId: string;
  number: number;
  visibility: "everyone" | "facilitators";
  authorId: string | null;
};

export async function notifyAboutComment(
  tx: Tx,
  {
    actor,
    thread,
    mentions,
    isReply,
    skipUserIds = [],
  }: {
    actor: Pick<CurrentUser, "id" | "name" | "role" | "delegation">;
    thread: ThreadRef;
    /** The mentions to announce: on an edit, only those the edit added. */
    mentions: Mention[];
    /** A reply also tells the thread's opener and everyone who commented in it. */
    isReply: boolean;
    /** Users who must not hear of it again (already told of these mentions). */
    skipUserIds?: string[];
  },
): Promise<void> {
  const told = new Set(skipUserIds);
  const who = describeActor(actor);
  const common = {
    actorId: actor.id,
    planId: thread.planId,
    href: `/plans/${thread.planId}#thread-${thread.id}`,
    resource: { type: "comment_thread" as const, id: thread.id },
    audience: (user: { id: string; role: string }) =>
      !told.has(user.id) &&
      (thread.visibility === "everyone" || seesFacilitatorThreads(user as Pick<CurrentUser, "role">)),
  };
  const tell = async (
    kind: "mention" | "reply",
    recipients: { userIds?: string[]; delegationIds?: string[] },
    title: string,
  ) => {
    for (const userId of await notify(tx, { ...common, kind, recipients, title })) told.add(userId);
  };
  const userIds = mentions.flatMap((m) => ("userId" in m ? [m.userId] : []));
  const delegationIds = mentions.flatMap((m) => ("delegationId" in m ? [m.delegationId] : []));
  if (userIds.length) await tell("mention", { userIds }, `${who} mentioned you in comment ${thread.number}`);
  if (delegationIds.length)
    await tell("mention", { delegationIds }, `${who} mentioned your delegation in comment ${thread.number}`);
  if (isReply) {
    const authors = await tx.comment.findMany({
      where: { threadId: thread.id },
      distinct: ["authorId"],
      select: { authorId: true },
    });
    const participants = [thread.authorId, ...authors.map((c) => c.authorId)].filter((id): id is string => id !== null);
    await tell("reply", { userIds: participants }, `${who} replied to comment ${thread.number}`);
  }
}

/** "Fatima Facilitator (facilitator)", "Ana Pérez (Ecuador)"; a name that already says its delegation is left as it is. */
function describeActor(actor: Pick<CurrentUser, "name" | "role" | "delegation">): string {
  const label = actor.delegation?.name ?? actor.role;
  return actor.name.includes(`(${label})`) ? actor.name : `${actor.name} (${label})`;
}
