/**
 * A second round of documents written blind to the parser: Word-to-Markdown
 * quirks (escaped numbering, __bold__, bold panel labels with the title on
 * the next line), a "General discussion" of statements, countries in
 * parentheses after names, footnote markers, unnumbered statements, setext
 * headings with CRLF, comma-separated and table annexes.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import type { ParsedDialogue } from "@/lib/dialogue/types";

const read = async (file: string) =>
  (await readDialogueFile(path.join("test/fixtures/dialogues-unseen-2", file))).parsed;
const shape = (d: ParsedDialogue) => d.segments.map((s) => `${s.key}:${s.statements.length}`).join(" ");
const lists = (d: ParsedDialogue) => SUMMARY_LISTS.map((l) => d.summary[l].length).join("/");
const speaker = (d: ParsedDialogue, id: string) => d.segments.flatMap((s) => s.statements).find((s) => s.id === id)!;

describe("second blind round", () => {
  it("reads escaped numbering, __bold__ names and a bold panel label with its title on the next line", async () => {
    const d = await read("a-word-quirks-2017.md");
    expect([d.date, shape(d), lists(d)]).toEqual([
      "2017-03-29",
      "opening:2 panel-1:3 panel-2:2 closing:1",
      "3/4/2/3/1",
    ]);
    expect(d.segments[1].title).toBe("Skills for the jobs of tomorrow");
    expect(d.delegations).toHaveLength(8);
    expect(d.delegations[0].name).toBe("Argentina");
    expect(speaker(d, "opening.thomson").speaker).toMatchObject({
      honorific: "H.E. Mr.",
      name: "Peter Thomson",
      affiliation: "President of the General Assembly",
    });
  });

  it("reads a general discussion of statements, countries after names and a comma-separated annex", async () => {
    const d = await read("b-no-panels-2019.md");
    expect(shape(d)).toBe("opening:2 general-discussion:6 closing:1");
    expect(d.delegations).toHaveLength(17);
    expect(d.delegations.find((x) => x.name === "Egypt")?.onBehalfOf).toBe("Group of Arab States");
    expect(speaker(d, "general-discussion.locsin")).toMatchObject({
      speaker: { affiliation: "Secretary of Foreign Affairs (Philippines)", delegation: "Philippines" },
      text: expect.stringMatching(/^underlined /),
    });
    expect(speaker(d, "general-discussion.vieira").speaker.delegation).toBe("Brazil");
    expect(speaker(d, "general-discussion.marschik").speaker.delegation).toBe("Austria");
  });

  it("maps a list introduced as recommendations to the should list", async () => {
    expect(lists(await read("c-summary-variants-2018.md"))).toBe("3/9/2/3/1");
  });

  it("drops footnote markers from names and text, and splits sentences around them", async () => {
    const d = await read("d-long-footnotes-2018.md");
    expect(shape(d)).toBe("opening:3 panel-1:12 panel-2:11 panel-3:9 closing:1");
    expect(speaker(d, "panel-2.leclerc").speaker).toMatchObject({
      affiliation: "Adviser, Ministry of Foreign Affairs of France",
      delegation: "France",
    });
    for (const st of d.segments.flatMap((s) => s.statements)) expect(st.text).not.toMatch(/\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]/);
  });

  it("reads unnumbered statements, round tables, a cross-month date, dashes around an office and Sen.", async () => {
    const d = await read("e-unnumbered-speakers-2020.md");
    expect([d.date, shape(d)]).toEqual(["2020-11-30", "opening:2 panel-1:3 panel-2:3 closing:1"]);
    expect(d.segments[1].title).toBe("Education for peace");
    expect(speaker(d, "opening.guterres").speaker.affiliation).toBe("Secretary-General of the United Nations");
    expect(speaker(d, "panel-2.rodriguez-paz").speaker).toMatchObject({
      honorific: "Sen.",
      name: "Maria Rodriguez-Paz",
    });
    expect(speaker(d, "opening.bozkir").speaker.name).toBe("Volkan Bozkır");
  });

  it("reads setext headings with CRLF line ends, and a table annex", async () => {
    const d = await read("f-setext-crlf-2014.md");
    expect(shape(d)).toBe("opening:1 panel-4:2 closing:1");
    expect(d.delegations).toHaveLength(5);
    expect(d.delegations[0]).toMatchObject({
      name: "Bolivia (Plurinational State of)",
      onBehalfOf: "Group of 77 and China",
    });
  });
});
