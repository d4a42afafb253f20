/**
 * Every permission rule, in one place: what each role may do, the rules that
 * depend on the row acted on (a thread's delegation, a comment's author, an
 * amendment's proposer), and the Prisma `where`s for what each role may see.
 * Lib functions enforce with authorize(); list and read functions send each
 * row's abilities with it, so the UI never re-derives a rule from a role.
 * Imports nothing from next/*: the collab server, the CLI and the benchmarks
 * load it too.
 */
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";

export const ACTIONS = [
  "dialogue.read",
  /** Upload a dialogue summary (new, or a corrected version of one already imported). */
  "dialogue.import",
  /** Seed a draft plan from an imported dialogue. */
  "plan.seed",
  /** Remove a dialogue imported by mistake (one no plan is drafted from). */
  "dialogue.delete",
  /** Correct a speaker's family name where the rule got it wrong, which re-addresses their statements: admins only. */
  "dialogue.readdress",
  /** Open a plan: its pages, its threads, amendments, concerns, versions and exports as the reader's role may see them. */
  "plan.read",
  "plan.edit",
  "plan.reset",
  /** Set the delegations sponsoring the draft, printed above its title. */
  "plan.sponsor",
  "comment.create",
  /** See facilitators-only threads (and the concerns raised in them), and open one. */
  "comment.facilitatorsOnly",
  /** Resolve or reopen a thread (resource: the thread). */
  "comment.resolve",
  /** Edit a comment (resource: the comment): its author only. */
  "comment.edit",
  /** Delete a comment (resource: the comment): its author, or a facilitator moderating. */
  "comment.delete",
  "amendment.propose",
  /** Co-sponsor an amendment, or withdraw that support (resource: the amendment): another delegation's only. */
  "amendment.sponsor",
  /** Withdraw an amendment (resource: the amendment): its author only. */
  "amendment.withdraw",
  "amendment.decide",
  "provenance.confirm",
  /** Mark a comment as a concern; address, note or reopen a concern on the register. */
  "concern.manage",
  "user.manage",
  "audit.read",
  "notification.read",
  /** Set a paragraph's status in the negotiation (pending, agreed ad ref, agreed). */
  "paragraph.status",
  /** Issue a named version of the draft ("Rev.1"). */
  "version.create",
  /** Restore a section or the whole plan from a version. */
  "version.restore",
  /** Put the current round's revision under a silence procedure (adopted at its deadline unless silence is broken). */
  "silence.start",
  /** Break silence for one's own delegation, with a reason: a delegation's act, so only a delegate who speaks for one. */
  "silence.break",
  /**
   * Run the rounds of consultations: issue a revision ("Rev.2", which opens the next round) and set or extend a
   * round's deadlines. Whoever may do this chairs, so the round's deadlines do not bind them (lib/negotiation).
   */
  "negotiation.manage",
  /** Export a plan as a full backup (every account, with e-mail addresses); other readers get a reader's export. */
  "plan.backup",
] as const;

export type Action = (typeof ACTIONS)[number];

/** Who acts: the fields of a user that decide what they may do. */
export type Actor = { id: string; role: Role; delegationId: string | null; disabledAt?: Date | null };

/** The fields of the row acted on that a rule reads, for the actions whose answer depends on the row. */
export type ResourceOf = {
  "comment.resolve": { delegationId: string | null };
  "comment.edit": { authorId: string | null };
  "comment.delete": { authorId: string | null };
  "amendment.sponsor": { delegationId: string | null };
  "amendment.withdraw": { authorId: string | null };
};

type ResourceFor<A extends Action> = A extends keyof ResourceOf ? ResourceOf[A] : never;

const READ = ["dialogue.read", "plan.read", "notification.read"] as const;

const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set(ACTIONS),
  // Resetting a plan throws away everyone's drafting, so it is an admin's call alone.
  // Facilitators chair: they decide amendments but never propose or sponsor one.
  facilitator: new Set<Action>([
    ...READ,
    "dialogue.import",
    "plan.seed",
    "plan.edit",
    "plan.sponsor",
    "comment.create",
    "comment.facilitatorsOnly",
    "comment.resolve",
    "comment.edit",
    "comment.delete",
    "amendment.decide",
    "provenance.confirm",
    "concern.manage",
    "paragraph.status",
    "version.create",
    "version.restore",
    "silence.start",
    "negotiation.manage",
  ]),
  // notification.read is one's own bell: every role has one, and lib/notifications only ever touches the viewer's rows.
  delegate: new Set<Action>([
    ...READ,
    "comment.create",
    "comment.resolve",
    "comment.edit",
    "comment.delete",
    "amendment.propose",
    "amendment.sponsor",
    "amendment.withdraw",
    "silence.break",
  ]),
  observer: new Set<Action>(READ),
};

/** Moderators: they see facilitators-only threads and resolve or delete anyone's comment. */
function isModerator(actor: Actor): boolean {
  return ROLE_ACTIONS[actor.role].has("comment.facilitatorsOnly");
}

/** The rules that look at the row, on top of the role table; each answers for an actor whose role already may. */
const RESOURCE_RULES: { [A in keyof ResourceOf]: (actor: Actor, resource: ResourceOf[A]) => boolean } = {
  // A delegate speaks for their own delegation: they resolve the threads it opened, nobody else's.
  "comment.resolve": (actor, thread) =>
    isModerator(actor) || (thread.delegationId !== null && thread.delegationId === actor.delegationId),
  // Words put in someone's mouth: nobody, not even an admin, edits another's comment.
  "comment.edit": (actor, comment) => comment.authorId === actor.id,
  "comment.delete": (actor, comment) => comment.authorId === actor.id || isModerator(actor),
  // Co-sponsoring one's own delegation's amendment would count it twice.
  "amendment.sponsor": (actor, amendment) => amendment.delegationId !== actor.delegationId,
  "amendment.withdraw": (actor, amendment) => amendment.authorId === actor.id,
};

/** The actions whose answer depends on the row: the policy-table test checks each has cases with a row. */
export const RESOURCE_ACTIONS = Object.keys(RESOURCE_RULES) as (keyof ResourceOf)[];

/**
 * The delegation `actor` speaks for in what they write (a thread, a comment,
 * an amendment): a delegate always their own, never one they name, so no one
 * puts words in another delegation's mouth; facilitators and admins none.
 */
export function delegationSpokenFor(actor: Actor): string | null {
  return actor.role === "delegate" ? actor.delegationId : null;
}

/** Role-level rules that are not a plain yes/no of the role. */
function meetsActorRule(actor: Actor, action: Action): boolean {
  // One signs for a delegation: an account that speaks for none (a delegate not yet attached to one) cannot.
  // Breaking silence is a delegation's objection: a facilitator or an admin chairs and speaks for none.
  if (action === "amendment.sponsor" || action === "silence.break") return delegationSpokenFor(actor) !== null;
  return true;
}

/**
 * May `actor` do `action` (to `resource`)? A disabled actor, or nobody, may do
 * nothing. Without a resource, an action whose answer depends on the row says
 * whether the role may do it to some row (what a route or a page can tell
 * before loading it); the lib function asks again with the row.
 */
export function can<A extends Action>(actor: Actor | null, action: A, resource?: ResourceFor<A>): boolean {
  if (!actor || actor.disabledAt) return false;
  if (!ROLE_ACTIONS[actor.role].has(action) || !meetsActorRule(actor, action)) return false;
  if (resource === undefined || !(action in RESOURCE_RULES)) return true;
  const rule = RESOURCE_RULES[action as keyof ResourceOf] as (actor: Actor, resource: ResourceFor<A>) => boolean;
  return rule(actor, resource);
}

/** Throws 403 unless `actor` may do `action` (to `resource`). The one way lib functions enforce. */
export function authorize<A extends Action>(
  actor: Actor,
  action: A,
  resource?: ResourceFor<A>,
  message?: string,
): void {
  if (!can(actor, action, resource)) {
    throw new AppError("forbidden", message ?? `Your role (${actor.role}) may not do this (${action}).`);
  }
}

/** Whether `viewer` sees facilitators-only threads and their concerns (the visibility class lists and pushes are shared by). */
export function seesFacilitatorThreads(viewer: Pick<Actor, "role">): boolean {
  return ROLE_ACTIONS[viewer.role].has("comment.facilitatorsOnly");
}

/** A Prisma `where` for the threads `viewer` may see: the rest are simply not found, so their existence does not leak. */
export function threadsVisibleWhere(viewer: Pick<Actor, "role">): Prisma.CommentThreadWhereInput {
  return seesFacilitatorThreads(viewer) ? {} : { visibility: "everyone" };
}

/** A Prisma `where` for the concerns `viewer` may see: one raised in a facilitators-only thread is as hidden as the thread. */
export function concernsVisibleWhere(viewer: Pick<Actor, "role">): Prisma.ConcernWhereInput {
  if (seesFacilitatorThreads(viewer)) return {};
  return { OR: [{ origin: "dialogue" }, { thread: threadsVisibleWhere(viewer) }] };
}

/** What a viewer may do on a plan's pages, before any row: offered as forms (new thread, new amendment). */
export type PlanAbilities = { comment: boolean; openFacilitatorsOnly: boolean; propose: boolean };

export function presentPlanAbilities(viewer: Actor): PlanAbilities {
  return {
    comment: can(viewer, "comment.create"),
    openFacilitatorsOnly: can(viewer, "comment.facilitatorsOnly"),
    propose: can(viewer, "amendment.propose"),
  };
}

/**
 * The viewer as the plan's client components know them: their id (whose
 * comments are their own), their delegation (its own co-sponsorship) and
 * their abilities on the plan; never their role.
 */
export type PlanViewer = { id: string; delegationId: string | null; abilities: PlanAbilities };

export function presentPlanViewer(viewer: Actor): PlanViewer {
  return { id: viewer.id, delegationId: viewer.delegationId, abilities: presentPlanAbilities(viewer) };
}

/**
 * What a viewer may do to one thread, sent with it. Its comments' edit and
 * delete depend on who wrote each: a pushed list is shared by a role and
 * delegation (see threadAbilitiesKey), so it says what the viewer may do to
 * their own comments and to anyone's, and the page applies the first to the
 * comments whose author is the viewer.
 */
export type ThreadAbilities = {
  reply: boolean;
  setStatus: boolean;
  markConcern: boolean;
  editOwnComments: boolean;
  deleteOwnComments: boolean;
  deleteAnyComment: boolean;
};

/**
 * A thread's abilities depend on the viewer through these fields only, so
 * viewers with the same key may share one pushed list (lib/collab/anchor-threads.ts).
 * An ability that reads anything else of the viewer (their id: "the author's
 * own comment") must be added to this key, or it would leak to the others.
 */
export function threadAbilitiesKey(viewer: Actor): string {
  return JSON.stringify([viewer.role, viewer.delegationId, Boolean(viewer.disabledAt)]);
}

export function presentThreadAbilities(viewer: Actor, thread: ResourceOf["comment.resolve"]): ThreadAbilities {
  return {
    reply: can(viewer, "comment.create"),
    setStatus: can(viewer, "comment.resolve", thread),
    markConcern: can(viewer, "concern.manage"),
    editOwnComments: can(viewer, "comment.edit", { authorId: viewer.id }),
    deleteOwnComments: can(viewer, "comment.delete", { authorId: viewer.id }),
    // Another's comment: nobody has this id.
    deleteAnyComment: can(viewer, "comment.delete", { authorId: null }),
  };
}

/** What a viewer may do to one amendment, sent with it. Whether it is still pending is the card's business, not a permission. */
export type AmendmentAbilities = { sponsor: boolean; withdraw: boolean; decide: boolean };

export function presentAmendmentAbilities(
  viewer: Actor,
  amendment: { delegationId: string | null; authorId: string | null },
): AmendmentAbilities {
  return {
    sponsor: can(viewer, "amendment.sponsor", amendment),
    withdraw: can(viewer, "amendment.withdraw", amendment),
    decide: can(viewer, "amendment.decide"),
  };
}
