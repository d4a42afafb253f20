/**
 * Authorization in one place: what each role may do. Every page, route
 * handler and server action asks can() (through authorize()), so a button
 * that is hidden is never the only thing standing in the way.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const ACTIONS = [
  "dialogue.read",
  /** Upload a dialogue summary (new, or a corrected version of one already imported). */
  "dialogue.import",
  /** Seed a draft plan from an imported dialogue. */
  "plan.seed",
  /** Remove a dialogue imported by mistake (one no plan is drafted from). */
  "dialogue.delete",
  "plan.edit",
  "plan.reset",
  "comment.create",
  "comment.resolve",
  "amendment.propose",
  "amendment.decide",
  "provenance.confirm",
  /** Mark a comment as a concern; address, note or reopen a concern on the register. */
  "concern.manage",
  "user.manage",
  "audit.read",
  "notification.read",
  /** Issue a named version of the draft ("Rev.1"). */
  "version.create",
  /** Restore a section or the whole plan from a version. */
  "version.restore",
] as const;

export type Action = (typeof ACTIONS)[number];

/** Who acts: the fields of a user that decide what they may do. */
export type Actor = { id: string; role: Role; delegationId: string | null; disabledAt?: Date | null };

/** What is acted on, where ownership matters: the delegation a comment or amendment speaks for. */
export type Resource = { delegationId?: string | null; authorId?: string | null };

const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set(ACTIONS),
  // Resetting a plan throws away everyone's drafting, so it is an admin's call alone.
  facilitator: new Set([
    "dialogue.read", "dialogue.import", "plan.seed", "plan.edit", "comment.create", "comment.resolve", "amendment.decide", "provenance.confirm", "concern.manage",
    "notification.read", "version.create", "version.restore",
  ]),
  // notification.read is one's own bell: every role has one, and lib/notifications only ever touches the viewer's rows.
  delegate: new Set(["dialogue.read", "comment.create", "amendment.propose", "notification.read"]),
  observer: new Set(["dialogue.read", "notification.read"]),
};

/**
 * May `actor` do `action` (on `resource`)? A disabled actor may do nothing.
 * A delegate speaks only for their own delegation: when the resource names a
 * delegation, it must be theirs (or a group it speaks for, passed in
 * `groupDelegationIds`).
 */
export function can(actor: Actor | null, action: Action, resource: Resource = {}, groupDelegationIds: string[] = []): boolean {
  if (!actor || actor.disabledAt) return false;
  if (!ROLE_ACTIONS[actor.role].has(action)) return false;
  if (actor.role === "delegate" && resource.delegationId) {
    return resource.delegationId === actor.delegationId || groupDelegationIds.includes(resource.delegationId);
  }
  return true;
}
