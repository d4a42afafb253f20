import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";

const SOURCE = readFileSync("prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md", "utf8");
const dialogue = parseDialogue(SOURCE);
const statements = dialogue.segments.flatMap((s) => s.statements);
const statement = (id: string) => statements.find((s) => s.id === id)!;

describe("the 2009 human trafficking dialogue", () => {
  it("reads title, venue and ISO date", () => {
    expect(dialogue.title).toMatch(
      /^Summary of the Interactive Thematic Dialogue .* on “Taking collective action to end human Trafficking”$/,
    );
    expect(dialogue.topic).toBe("Taking collective action to end human Trafficking");
    expect(dialogue.venue).toBe("UN Trusteeship Council Chamber, New York");
    expect(dialogue.date).toBe("2009-05-13");
  });

  it("has five segments with 4, 5, 4, 2 and 1 statements", () => {
    expect(dialogue.segments.map((s) => [s.key, s.kind, s.number])).toEqual([
      ["opening", "opening", null],
      ["panel-1", "panel", 1],
      ["panel-2", "panel", 2],
      ["panel-3", "panel", 3],
      ["closing", "closing", null],
    ]);
    expect(dialogue.segments.map((s) => s.statements.length)).toEqual([4, 5, 4, 2, 1]);
    expect(dialogue.segments[2].title).toBe(
      "Articulating a Global Plan of Action: Drawing upon practice at the national and regional level",
    );
  });

  it("attaches the note and webcast links to their segments, not as statements", () => {
    expect(dialogue.segments[0].links).toEqual([
      expect.objectContaining({ url: "http://www.un.org/ga/president/63/interactive/humantrafficking.shtml" }),
    ]);
    expect(dialogue.segments[1].links).toEqual([
      {
        label: "The morning session is available at",
        url: "http://webcast.un.org/ramgen/ondemand/ga/63/2009/ga090513am.rm",
      },
    ]);
    expect(dialogue.segments[2].links[0].url).toMatch(/ga090513pm\.rm$/);
    expect(dialogue.segments[4].notes).toEqual([expect.objectContaining({ label: "Acknowledgements" })]);
  });

  it("splits speaker, honorific and affiliation", () => {
    expect(statement("opening.d-escoto-brockmann").speaker).toEqual({
      name: "Miguel D’Escoto Brockmann",
      honorific: "H.E. Mr.",
      affiliation: "President of the General Assembly",
      delegation: null,
    });
    expect(statement("panel-3.al-harthy").speaker).toMatchObject({
      name: "Abdullah Salim Al-Harthy",
      honorific: "Ambassador Dr.",
    });
    expect(statement("panel-2.chutikul").speaker.honorific).toBe("Dr.");
    expect(statement("panel-2.ezeilo").speaker.affiliation).toBe(
      "UN Special Rapporteur on trafficking in persons, especially women and children",
    );
    expect(statement("panel-2.ezeilo").text).toMatch(/^stated that a Global Plan of Action/);
  });

  it("rejoins statements split by a page break", () => {
    expect(statement("panel-1.ndiaye").text).toContain("cheap products, labour or services and the profit motive");
    expect(statement("panel-2.al-khalifa").text).toContain("for greater awareness by media. He concluded");
    expect(statements).toHaveLength(16);
  });

  it("gives sentences with offsets into the statement text", () => {
    const gupta = statement("panel-2.gupta");
    expect(gupta.sentences).toHaveLength(8);
    expect(gupta.sentences[3].id).toBe("panel-2.gupta.s4");
    for (const s of statements.flatMap((st) => st.sentences.map((se) => ({ st, se })))) {
      expect(s.st.text.slice(s.se.start, s.se.end)).toBe(s.se.text);
    }
    expect(statement("panel-1.ndiaye").sentences[1].text).toBe(
      "The demand for cheap products, labour or services and the profit motive of organized criminal networks are root causes of trafficking in persons.",
    );
  });

  it("reads the five summary lists with numbers, text and key phrases", () => {
    const lengths = Object.fromEntries(
      (["consensus", "gaps", "inFavour", "should", "concerns"] as const).map((l) => [l, dialogue.summary[l].length]),
    );
    expect(lengths).toEqual({ consensus: 5, gaps: 9, inFavour: 11, should: 11, concerns: 3 });
    expect(dialogue.summary.should[2]).toMatchObject({
      id: "should-3",
      n: 3,
      keyPhrases: ["situational analysis"],
      text: "Provide a situational analysis of where we stand today, where we want to be and what we need to do to get there.",
    });
    expect(dialogue.summary.gaps[7].keyPhrases).toEqual(["Improve cooperation", "civil society", "private sector"]);
    expect(dialogue.summary.notes.map((n) => n.text)).toContainEqual(
      expect.stringMatching(/^Some delegations suggested that the next step/),
    );
  });

  it("reads the 54 delegations of the annex and who spoke for whom", () => {
    expect(dialogue.delegations).toHaveLength(54);
    expect(dialogue.delegations.find((d) => d.name === "Czech Republic")?.onBehalfOf).toBe("EU");
    expect(dialogue.delegations.find((d) => d.name === "Sudan")?.onBehalfOf).toBe("African Group");
    expect(statement("opening.arbito").speaker.delegation).toBe("Ecuador");
    expect(statement("panel-2.al-khalifa").speaker.delegation).toBe("Bahrain");
    expect(statement("panel-2.chutikul").speaker.delegation).toBeNull(); // Thailand is not in the annex
  });

  it("gives the same ids on every parse", () => {
    expect(parseDialogue(SOURCE)).toEqual(dialogue);
  });
});
