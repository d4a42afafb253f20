import { describe, expect, it } from "vitest";
import { buildDelegationRows } from "@/lib/dialogue/build-delegation-rows";
import { listRosterMembers, resolveRosterName } from "@/lib/dialogue/resolve-roster-name";
import { formatSponsors } from "@/lib/plan/format-sponsors";

describe("the roster", () => {
  const members = listRosterMembers();
  const ofKind = (kind: string) => members.filter((m) => m.kind === kind).map((m) => m.name);

  it("has the 193 Member States under their official short names, each once", () => {
    const states = ofKind("member_state");
    expect(states).toHaveLength(193);
    expect(new Set(states).size).toBe(193);
    expect(states).toEqual(
      expect.arrayContaining([
        "Republic of Korea",
        "Russian Federation",
        "United States of America",
        "Cabo Verde",
        "Portugal",
        "Czechia",
        "Türkiye",
        "Côte d'Ivoire",
        "Viet Nam",
      ]),
    );
    expect(states).not.toContain("Korea");
  });

  it("has the observer States and the main negotiating groups", () => {
    expect(ofKind("observer_state")).toEqual(["Holy See", "State of Palestine"]);
    expect(ofKind("group")).toEqual(
      expect.arrayContaining(["Group of 77 and China", "European Union", "African Group", "Arab Group", "CANZ"]),
    );
    expect(new Set(members.map((m) => m.key)).size).toBe(members.length);
  });

  it.each([
    ["Korea", "Republic of Korea"],
    ["South Korea", "Republic of Korea"],
    ["Russia", "Russian Federation"],
    ["USA", "United States of America"],
    ["United States", "United States of America"],
    ["UK", "United Kingdom of Great Britain and Northern Ireland"],
    ["Czech Republic", "Czechia"],
    ["Cape Verde", "Cabo Verde"],
    ["Iran (Islamic Republic of)", "Iran (Islamic Republic of)"],
    ["Syria", "Syrian Arab Republic"],
    ["Vietnam", "Viet Nam"],
    ["Turkey", "Türkiye"],
    ["Ivory Coast", "Côte d'Ivoire"],
    ["Cote d’Ivoire", "Côte d'Ivoire"],
    ["Lao People’s Democratic Republic", "Lao People's Democratic Republic"],
    ["The former Yugoslav Republic of Macedonia", "North Macedonia"],
    ["St. Lucia", "Saint Lucia"],
    ["Palestine", "State of Palestine"],
    ["EU", "European Union"],
    ["the Group of African States", "African Group"],
    ["the Caribbean Community (CARICOM)", "Caribbean Community"],
  ])("reads %s as %s", (name, official) => {
    expect(resolveRosterName(name)?.name).toBe(official);
  });

  it.each(["UNESCO", "WGTC", "UNODC", "Humanitarian Initiative", "Korea Foundation"])(
    "does not read %s as a State or group",
    (name) => {
      expect(resolveRosterName(name)).toBeNull();
    },
  );
});

describe("buildDelegationRows", () => {
  const annex = [
    { id: "delegation-korea", name: "Korea", onBehalfOf: null },
    { id: "delegation-czech-republic", name: "Czech Republic", onBehalfOf: "EU" },
    { id: "delegation-unesco", name: "UNESCO", onBehalfOf: null },
  ];

  it("makes every roster member a row, the annex's first and flagged, with their group kept", () => {
    const { rows, idByAnnexName, report } = buildDelegationRows({ dialogueId: "d", annex });
    expect(rows).toHaveLength(listRosterMembers().length);
    expect(rows.filter((r) => r.inAnnex).map((r) => [r.name, r.position, r.onBehalfOf])).toEqual([
      ["Czechia", 1, "EU"],
      ["Republic of Korea", 0, null],
    ]);
    expect(idByAnnexName.get("Korea")).toBe("d:delegation-republic-of-korea");
    expect(idByAnnexName.has("UNESCO")).toBe(false);
    expect(report.unmapped).toEqual(["UNESCO"]);
  });

  it("keeps the ids of older rows, the canonical one first, and the rest as kind other", () => {
    const existing = [
      { id: "d:delegation-korea", key: "delegation-korea", name: "Korea", onBehalfOf: null, rosterKey: null },
      {
        id: "d:delegation-republic-of-korea",
        key: "delegation-republic-of-korea",
        name: "Republic of Korea",
        onBehalfOf: null,
        rosterKey: null,
      },
      { id: "d:delegation-unesco", key: "delegation-unesco", name: "UNESCO", onBehalfOf: null, rosterKey: null },
    ];
    const { rows } = buildDelegationRows({ dialogueId: "d", annex, existing });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("d:delegation-republic-of-korea")).toMatchObject({ name: "Republic of Korea", inAnnex: true });
    expect(byId.get("d:delegation-korea")).toMatchObject({ name: "Korea", kind: "other", inAnnex: false });
    expect(byId.get("d:delegation-unesco")).toMatchObject({ kind: "other", rosterKey: null });
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});

describe("formatSponsors", () => {
  it.each([
    [[], ""],
    [["Portugal"], "Portugal"],
    [["Portugal", "Cabo Verde"], "Portugal and Cabo Verde"],
    [["Algeria", "Brazil", "Chile"], "Algeria, Brazil and Chile"],
  ])("%j reads %s", (names, text) => {
    expect(formatSponsors(names)).toBe(text);
  });
});
