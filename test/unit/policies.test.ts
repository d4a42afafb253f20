/**
 * The permission table: every role × action, and every rule that looks at
 * the row, written out so a change to one is a visible diff. Generated from
 * lib/auth/policies.ts: each action it declares must have a row here, and
 * each action whose answer depends on the row must have rows with one, or
 * this test fails.
 */
import { describe, expect, it } from "vitest";
import type { Action, Actor, ResourceOf } from "@/lib/auth/policies";
import {
  ACTIONS,
  RESOURCE_ACTIONS,
  can,
  concernsVisibleWhere,
  delegationSpokenFor,
  presentAmendmentAbilities,
  presentThreadAbilities,
  threadsVisibleWhere,
} from "@/lib/auth/policies";

type Role = Actor["role"];
const ROLES: Role[] = ["admin", "facilitator", "delegate", "observer"];
/** Stands for the acting user's own id in a row (each role's actor has its own). */
const SELF = "<self>";
const OWN = "d-ecuador";

/** Who may, as one letter each: a(dmin), f(acilitator), d(elegate of Ecuador), o(bserver); "-" for who may not. */
type Who = string;
type Case = { action: Action; on?: string; resource?: ResourceOf[keyof ResourceOf]; who: Who };

//                                                                          a f d o
const ROLE_CASES: Case[] = [
  { action: "dialogue.read", /*                                  */ who: "afdo" },
  { action: "dialogue.import", /*                                */ who: "af--" },
  { action: "plan.seed", /*                                      */ who: "af--" },
  { action: "dialogue.delete", /*                                */ who: "a---" },
  { action: "dialogue.readdress", /*                             */ who: "a---" },
  { action: "plan.read", /*                                      */ who: "afdo" },
  { action: "plan.edit", /*                                      */ who: "af--" },
  { action: "plan.reset", /*                                     */ who: "a---" },
  { action: "plan.sponsor", /*                                   */ who: "af--" },
  { action: "comment.create", /*                                 */ who: "afd-" },
  { action: "comment.facilitatorsOnly", /*                       */ who: "af--" },
  { action: "comment.resolve", /*                                */ who: "afd-" },
  { action: "comment.edit", /*                                   */ who: "afd-" },
  { action: "comment.delete", /*                                 */ who: "afd-" },
  { action: "amendment.propose", /*                              */ who: "a-d-" },
  { action: "amendment.sponsor", /*                              */ who: "--d-" },
  { action: "amendment.withdraw", /*                             */ who: "a-d-" },
  { action: "amendment.decide", /*                               */ who: "af--" },
  { action: "provenance.confirm", /*                             */ who: "af--" },
  { action: "concern.manage", /*                                 */ who: "af--" },
  { action: "paragraph.status", /*                               */ who: "af--" },
  { action: "user.manage", /*                                    */ who: "a---" },
  { action: "audit.read", /*                                     */ who: "a---" },
  { action: "notification.read", /*                              */ who: "afdo" },
  { action: "version.create", /*                                 */ who: "af--" },
  { action: "version.restore", /*                                */ who: "af--" },
  { action: "silence.start", /*                                  */ who: "af--" },
  { action: "silence.break", /*                                  */ who: "--d-" },
  { action: "negotiation.manage", /*                             */ who: "af--" },
  { action: "plan.backup", /*                                    */ who: "a---" },
];

const RESOURCE_CASES: Case[] = [
  { action: "comment.resolve", on: "a thread their delegation opened", resource: { delegationId: OWN }, who: "afd-" },
  {
    action: "comment.resolve",
    on: "another delegation's thread",
    resource: { delegationId: "d-bahrain" },
    who: "af--",
  },
  { action: "comment.resolve", on: "a thread opened for no delegation", resource: { delegationId: null }, who: "af--" },
  { action: "comment.edit", on: "their own comment", resource: { authorId: SELF }, who: "afd-" },
  { action: "comment.edit", on: "someone else's comment", resource: { authorId: "u-someone" }, who: "----" },
  { action: "comment.delete", on: "their own comment", resource: { authorId: SELF }, who: "afd-" },
  { action: "comment.delete", on: "someone else's comment", resource: { authorId: "u-someone" }, who: "af--" },
  {
    action: "amendment.sponsor",
    on: "another delegation's amendment",
    resource: { delegationId: "d-bahrain" },
    who: "--d-",
  },
  { action: "amendment.sponsor", on: "their own delegation's amendment", resource: { delegationId: OWN }, who: "----" },
  { action: "amendment.withdraw", on: "their own amendment", resource: { authorId: SELF }, who: "a-d-" },
  { action: "amendment.withdraw", on: "someone else's amendment", resource: { authorId: "u-someone" }, who: "----" },
];

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return { id: `u-${role}`, role, delegationId: role === "delegate" ? OWN : null, ...extra };
}

/** The row as `who` sees it: SELF becomes their id. */
function resourceFor(who: Actor, resource: Case["resource"]) {
  if (!resource) return undefined;
  return Object.fromEntries(
    Object.entries(resource).map(([key, value]) => [key, value === SELF ? who.id : value]),
  ) as never;
}

describe("the policy table", () => {
  it("has a role row for every action the policy module declares, and rows with a resource for every rule that reads one", () => {
    expect(ROLE_CASES.map((c) => c.action).sort()).toEqual([...ACTIONS].sort());
    for (const action of RESOURCE_ACTIONS)
      expect(RESOURCE_CASES.filter((c) => c.action === action).length, action).toBeGreaterThanOrEqual(2);
  });

  for (const testCase of [...ROLE_CASES, ...RESOURCE_CASES]) {
    ROLES.forEach((role, i) => {
      const isAllowed = testCase.who[i] !== "-";
      it(`${role} ${isAllowed ? "may" : "may not"} ${testCase.action}${testCase.on ? ` on ${testCase.on}` : ""}`, () => {
        const who = actor(role);
        expect(can(who, testCase.action, resourceFor(who, testCase.resource))).toBe(isAllowed);
      });
    });
  }

  it("refuses everything to a disabled user and to nobody, whatever the row", () => {
    for (const testCase of [...ROLE_CASES, ...RESOURCE_CASES]) {
      const disabled = actor("admin", { disabledAt: new Date() });
      expect(can(disabled, testCase.action, resourceFor(disabled, testCase.resource))).toBe(false);
      expect(can(null, testCase.action, resourceFor(actor("admin"), testCase.resource))).toBe(false);
    }
  });

  it("has a delegate speak for their own delegation only, and everyone else for none", () => {
    expect(ROLES.map((role) => delegationSpokenFor(actor(role)))).toEqual([null, null, OWN, null]);
    expect(delegationSpokenFor(actor("delegate", { delegationId: null }))).toBeNull();
  });

  it("lets no delegate account without a delegation sign for one", () => {
    expect(can(actor("delegate", { delegationId: null }), "amendment.sponsor")).toBe(false);
    expect(can(actor("delegate", { delegationId: null }), "comment.resolve", { delegationId: null })).toBe(false);
  });
});

describe("what each role may see", () => {
  //                                       a f d o
  const SEES_FACILITATOR_THREADS: Who = "af--";
  ROLES.forEach((role, i) => {
    const isSeeing = SEES_FACILITATOR_THREADS[i] !== "-";
    it(`${role} ${isSeeing ? "sees" : "does not see"} facilitators-only threads and their concerns`, () => {
      expect(threadsVisibleWhere(actor(role))).toEqual(isSeeing ? {} : { visibility: "everyone" });
      expect(concernsVisibleWhere(actor(role))).toEqual(
        isSeeing ? {} : { OR: [{ origin: "dialogue" }, { thread: { visibility: "everyone" } }] },
      );
    });
  });
});

describe("abilities sent with the data", () => {
  it("are the table's answers for that row", () => {
    const thread = { delegationId: OWN };
    expect(presentThreadAbilities(actor("delegate"), thread)).toEqual({
      reply: true,
      setStatus: true,
      markConcern: false,
      editOwnComments: true,
      deleteOwnComments: true,
      deleteAnyComment: false,
    });
    expect(presentThreadAbilities(actor("delegate"), { delegationId: "d-bahrain" })).toEqual({
      reply: true,
      setStatus: false,
      markConcern: false,
      editOwnComments: true,
      deleteOwnComments: true,
      deleteAnyComment: false,
    });
    expect(presentThreadAbilities(actor("observer"), thread)).toEqual({
      reply: false,
      setStatus: false,
      markConcern: false,
      editOwnComments: false,
      deleteOwnComments: false,
      deleteAnyComment: false,
    });
    expect(presentThreadAbilities(actor("facilitator"), thread)).toEqual({
      reply: true,
      setStatus: true,
      markConcern: true,
      editOwnComments: true,
      deleteOwnComments: true,
      deleteAnyComment: true,
    });
    const amendment = { delegationId: "d-bahrain", authorId: "u-delegate" };
    expect(presentAmendmentAbilities(actor("delegate"), amendment)).toEqual({
      sponsor: true,
      withdraw: true,
      decide: false,
    });
    expect(presentAmendmentAbilities(actor("facilitator"), amendment)).toEqual({
      sponsor: false,
      withdraw: false,
      decide: true,
    });
  });
});
