/** The pieces of the collab hardening that are pure: presence stamping and reading the server's notices. */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { readSectionNotice, writeSectionNotice } from "@/lib/collab/section-notice";
import { firstClientId, MAX_PRESENCE_STATE_CHARS, stampPresence } from "@/lib/collab/stamp-presence";
import { colourForUser, contrastWithWhite, hslToHex } from "@/lib/collab/user-colour";

function update(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, typeof entry.state === "string" ? entry.state : JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

function states(bytes: Uint8Array): { clientId: number; state: unknown }[] {
  const decoder = decoding.createDecoder(bytes);
  return Array.from({ length: decoding.readVarUint(decoder) }, () => {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    return { clientId, state: JSON.parse(decoding.readVarString(decoder)) };
  });
}

const USER = { id: "user-1", name: "Fatima Facilitator" };

describe("stampPresence", () => {
  it("replaces the name, id and colour the client sent with the server's, and keeps the caret", () => {
    const sent = update([
      {
        clientId: 7,
        clock: 3,
        state: { user: { id: "x", name: "The Secretary-General", color: "#000" }, cursor: { anchor: 1, head: 2 } },
      },
    ]);
    expect(states(stampPresence(sent, { user: USER, ownClientId: 7 })!)).toEqual([
      {
        clientId: 7,
        state: {
          user: { id: "user-1", name: "Fatima Facilitator", color: colourForUser("user-1") },
          cursor: { anchor: 1, head: 2 },
        },
      },
    ]);
  });

  it("drops entries for any other client, and the whole update when nothing of its own is left", () => {
    const sent = update([
      { clientId: 7, clock: 1, state: {} },
      { clientId: 8, clock: 99, state: null },
    ]);
    expect(states(stampPresence(sent, { user: USER, ownClientId: 7 })!).map((entry) => entry.clientId)).toEqual([7]);
    expect(stampPresence(update([{ clientId: 8, clock: 1, state: {} }]), { user: USER, ownClientId: 7 })).toBeNull();
  });

  it("lets a client leave (a null state) and refuses states that are not objects, too big, or do not decode", () => {
    expect(
      states(stampPresence(update([{ clientId: 7, clock: 2, state: null }]), { user: USER, ownClientId: 7 })!),
    ).toEqual([{ clientId: 7, state: null }]);
    for (const state of ["[1,2]", "42", "{not json", JSON.stringify({ pad: "x".repeat(MAX_PRESENCE_STATE_CHARS) })]) {
      expect(
        stampPresence(update([{ clientId: 7, clock: 2, state }]), { user: USER, ownClientId: 7 }),
        state.slice(0, 20),
      ).toBeNull();
    }
    expect(stampPresence(new Uint8Array([5, 1]), { user: USER, ownClientId: 7 })).toBeNull();
  });

  it("finds the client an update speaks for", () => {
    expect(firstClientId(update([{ clientId: 42, clock: 0, state: {} }]))).toBe(42);
    expect(firstClientId(update([]))).toBeNull();
  });
});

describe("readSectionNotice", () => {
  const thread = {
    id: "t",
    number: 1,
    section: { key: "k", title: "K" },
    blockId: "b",
    paragraph: null,
    anchor: "anchored",
    range: null,
    quote: { exact: "q", prefix: "", suffix: "" },
    stance: "support",
    visibility: "everyone",
    status: "open",
    delegation: null,
    author: { id: "a", name: "A" },
    createdAt: new Date(0),
    concern: null,
    comments: [
      {
        id: "c",
        author: null,
        delegation: null,
        createdAt: new Date(0),
        editedAt: null,
        isDeleted: true,
        body: null,
        editableUntil: null,
        references: [],
      },
    ],
    abilities: {
      reply: false,
      setStatus: false,
      markConcern: false,
      editOwnComments: false,
      deleteOwnComments: false,
      deleteAnyComment: false,
    },
  };

  it("reads back what the server writes", () => {
    expect(readSectionNotice(writeSectionNotice({ type: "amendments-changed" }))).toEqual({
      source: "gpa-collab",
      type: "amendments-changed",
    });
    expect(readSectionNotice(writeSectionNotice({ type: "threads-changed", threads: null }))).toMatchObject({
      type: "threads-changed",
      threads: null,
    });
    const read = readSectionNotice(writeSectionNotice({ type: "threads-changed", threads: [thread] }));
    expect(read?.type === "threads-changed" && read.threads?.[0].createdAt).toBe(new Date(0).toISOString());
  });

  it("ignores what the probe forged: untagged, malformed, or not JSON", () => {
    for (const payload of [
      JSON.stringify({ type: "threads-changed", threads: [] }),
      JSON.stringify({ source: "gpa-collab", type: "threads-changed", threads: [null] }),
      JSON.stringify({ source: "gpa-collab", type: "threads-changed", threads: [{ ...thread, comments: [null] }] }),
      JSON.stringify({ source: "gpa-collab", type: "reload-everything" }),
      "null",
      "{",
    ]) {
      expect(readSectionNotice(payload), payload).toBeNull();
    }
  });
});

describe("colourForUser", () => {
  it("gives #rrggbb, the only form the caret extension draws (hsl() came out transparent), the same for the same user", () => {
    const colours = ["user-1", "user-2", "cmxbosavd0069h17dtr49qefg"].map(colourForUser);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(colourForUser("user-1")).toBe(colours[0]);
    expect(new Set(colours).size).toBe(3);
  });

  it("is dark enough for the avatars' white initials (WCAG AA, 4.5:1) whatever the user's hue", () => {
    // Ids whose hashes cover every hue: each lands on hash % 360.
    const ids = Array.from({ length: 2000 }, (_, i) => `user-${i}-${i * 7919}`);
    const worst = Math.min(...ids.map((id) => contrastWithWhite(colourForUser(id))));
    expect(worst).toBeGreaterThanOrEqual(4.5);
    // The green a test user once drew (hue 120 at the old fixed lightness) did not.
    expect(contrastWithWhite(hslToHex(120, 0.7, 0.35))).toBeLessThan(4.5);
  });

  it("converts HSL as CSS does", () => {
    expect(hslToHex(0, 1, 0.5)).toBe("#ff0000");
    expect(hslToHex(120, 0.7, 0.35)).toBe("#1b981b");
    expect(hslToHex(240, 1, 0.25)).toBe("#000080");
  });
});
