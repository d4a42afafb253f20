/** Every role × action cell of the permission table, written out so a change to one is a visible diff. */
import { describe, expect, it } from "vitest";
import type { Action, Actor } from "@/lib/auth/can";
import { ACTIONS, can } from "@/lib/auth/can";

const Y = true;
const N = false;

//                               read plan.edit reset comment resolve propose decide prov concern user audit notif version restore import seed delete
const TABLE: Record<Actor["role"], boolean[]> = {
  admin: /*                */ [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y],
  facilitator: /*          */ [Y, Y, N, Y, Y, N, Y, Y, Y, N, N, Y, Y, Y, Y, Y, N],
  delegate: /*             */ [Y, N, N, Y, N, Y, N, N, N, N, N, Y, N, N, N, N, N],
  observer: /*             */ [Y, N, N, N, N, N, N, N, N, N, N, Y, N, N, N, N, N],
};

const ORDER: Action[] = [
  "dialogue.read", "plan.edit", "plan.reset", "comment.create", "comment.resolve", "amendment.propose",
  "amendment.decide", "provenance.confirm", "concern.manage", "user.manage", "audit.read", "notification.read",
  "version.create", "version.restore", "dialogue.import", "plan.seed", "dialogue.delete",
];

function actor(role: Actor["role"], extra: Partial<Actor> = {}): Actor {
  return { id: `u-${role}`, role, delegationId: role === "delegate" ? "d-ecuador" : null, ...extra };
}

describe("can(user, action)", () => {
  it("covers every action in the table", () => {
    expect([...ORDER].sort()).toEqual([...ACTIONS].sort());
  });

  for (const [role, row] of Object.entries(TABLE) as [Actor["role"], boolean[]][]) {
    ORDER.forEach((action, i) => {
      it(`${role} ${row[i] ? "may" : "may not"} ${action}`, () => {
        expect(can(actor(role), action)).toBe(row[i]);
      });
    });
  }

  it("refuses everything to a disabled user and to nobody", () => {
    for (const action of ACTIONS) {
      expect(can(actor("admin", { disabledAt: new Date() }), action)).toBe(false);
      expect(can(null, action)).toBe(false);
    }
  });

  it("lets a delegate act only for their own delegation or a group it speaks for", () => {
    const delegate = actor("delegate");
    expect(can(delegate, "comment.create", { delegationId: "d-ecuador" })).toBe(true);
    expect(can(delegate, "comment.create", { delegationId: "d-bahrain" })).toBe(false);
    expect(can(delegate, "amendment.propose", { delegationId: "d-group" }, ["d-group"])).toBe(true);
    expect(can(actor("facilitator"), "comment.create", { delegationId: "d-bahrain" })).toBe(true);
  });
});
