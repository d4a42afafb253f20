/**
 * @mentions in a comment body: `@ecuador` names a delegation by its key
 * (or a name the roster knows it by: `@usa`, `@korea`), `@someone@example.org`
 * a user by email. Unknown names stay plain text.
 */
import type { Tx } from "@/lib/db";
import { resolveRosterName } from "@/lib/dialogue/resolve-roster-name";

/** Who a comment names: a delegation (all its members) or one user. */
export type Mention = { delegationId: string } | { userId: string };

const MENTION = /(?:^|[\s(])@([A-Za-z0-9][A-Za-z0-9._%+-]*(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)/g;

export function findMentionTokens(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[1].toLowerCase().replace(/[.]+$/, "")))];
}

/** The delegations (of the plan's dialogue) and users a body mentions. */
export async function resolveMentions(
  tx: Tx,
  { body, dialogueId }: { body: string; dialogueId: string },
): Promise<Mention[]> {
  const tokens = findMentionTokens(body);
  if (!tokens.length) return [];
  const emails = tokens.filter((t) => t.includes("@"));
  const keys = tokens.filter((t) => !t.includes("@"));
  const [delegations, users] = await Promise.all([
    keys.length
      ? tx.delegation.findMany({
          where: { dialogueId, key: { in: keys.flatMap(delegationKeysOf) } },
          select: { id: true },
        })
      : [],
    emails.length ? tx.user.findMany({ where: { email: { in: emails }, disabledAt: null }, select: { id: true } }) : [],
  ]);
  return [...delegations.map((d) => ({ delegationId: d.id })), ...users.map((u) => ({ userId: u.id }))];
}

/** The delegation keys a mention token may stand for: itself as a key, and the roster member it names. */
function delegationKeysOf(token: string): string[] {
  const key = token.startsWith("delegation-") ? token : `delegation-${token}`;
  const member = resolveRosterName(token.replace(/^delegation-/, ""));
  return member ? [key, `delegation-${member.key}`] : [key];
}
