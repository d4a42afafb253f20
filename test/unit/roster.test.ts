import { describe, expect, it } from "vitest";
import { listRosterMembers, resolveRosterName } from "@/lib/dialogue/resolve-roster-name";

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
