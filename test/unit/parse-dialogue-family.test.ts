/**
 * The parser against other documents of the family, written for the tests:
 * other topics, roman and arabic panels, headings with and without colons or
 * bold, other list lengths, bulleted annexes and page breaks with page numbers.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";

const DIR = "test/fixtures/dialogues";

type Expected = {
  title: string;
  date: string;
  venue: string;
  segments: {
    key: string;
    kind: string;
    number: number | null;
    title: string;
    statementCount: number;
    speakers: { name: string; honorific: string | null; affiliation: string | null; familyName: string }[];
    linkUrls: string[];
  }[];
  listLengths: Record<string, number>;
  keyPhrasesOfFirstShouldItem: string[];
  notesCount: number;
  delegationCount: number;
  onBehalfOf: Record<string, string>;
  namesWithParenthetical: string[];
  speakerDelegations: Record<string, string>;
  pageBreakJoins: string[];
};

const fixtures = readdirSync(DIR).filter((f) => f.endsWith(".md"));

describe.each(fixtures)("%s", (file) => {
  const expected = JSON.parse(
    readFileSync(path.join(DIR, file.replace(/\.md$/, ".expected.json")), "utf8"),
  ) as Expected;
  const dialogue = parseDialogue(readFileSync(path.join(DIR, file), "utf8"));
  const statements = dialogue.segments.flatMap((s) => s.statements);

  it("reads the metadata", () => {
    expect({ title: dialogue.title, date: dialogue.date, venue: dialogue.venue }).toEqual({
      title: expected.title,
      date: expected.date,
      venue: expected.venue,
    });
  });

  it("reads the segments, their titles and links", () => {
    expect(dialogue.segments.map((s) => ({ key: s.key, kind: s.kind, number: s.number, title: s.title }))).toEqual(
      expected.segments.map((s) => ({ key: s.key, kind: s.kind, number: s.number, title: s.title })),
    );
    expect(dialogue.segments.map((s) => s.statements.length)).toEqual(expected.segments.map((s) => s.statementCount));
    expect(dialogue.segments.map((s) => s.links.map((l) => l.url))).toEqual(expected.segments.map((s) => s.linkUrls));
  });

  it("reads every speaker and keys statements by segment and family name", () => {
    const actual = dialogue.segments.map((s) =>
      s.statements.map((st) => ({ ...st.speaker, delegation: undefined, id: st.id })),
    );
    const wanted = expected.segments.map((s) =>
      s.speakers.map((sp) => ({
        name: sp.name,
        honorific: sp.honorific,
        affiliation: sp.affiliation,
        delegation: undefined,
        id: `${s.key}.${sp.familyName}`,
      })),
    );
    expect(actual).toEqual(wanted);
  });

  it("rejoins text split by page breaks", () => {
    const allText = statements.map((s) => s.text).join("\n");
    for (const phrase of expected.pageBreakJoins) expect(allText).toContain(phrase);
    for (const s of statements) expect(s.text).not.toMatch(/\s{2,}|^\s|\s$/);
  });

  it("reads the summary lists and notes", () => {
    const lengths = Object.fromEntries(SUMMARY_LISTS.map((l) => [l, dialogue.summary[l].length]));
    expect(lengths).toEqual(expected.listLengths);
    expect(dialogue.summary.should[0].keyPhrases).toEqual(expected.keyPhrasesOfFirstShouldItem);
    expect(dialogue.summary.notes).toHaveLength(expected.notesCount);
  });

  it("reads the annex and links speakers to delegations", () => {
    expect(dialogue.delegations).toHaveLength(expected.delegationCount);
    const behalf = Object.fromEntries(
      dialogue.delegations.filter((d) => d.onBehalfOf).map((d) => [d.name, d.onBehalfOf]),
    );
    expect(behalf).toEqual(expected.onBehalfOf);
    const names = dialogue.delegations.map((d) => d.name);
    for (const name of expected.namesWithParenthetical) expect(names).toContain(name);
    const linked = Object.fromEntries(
      statements
        .filter((s) => s.speaker.delegation)
        .map((s) => [s.id.split(".").slice(1).join("."), s.speaker.delegation]),
    );
    expect(linked).toEqual(expected.speakerDelegations);
  });

  it("splits sentences whose offsets give back their text", () => {
    for (const s of statements) {
      expect(s.sentences.length).toBeGreaterThan(0);
      for (const se of s.sentences) expect(s.text.slice(se.start, se.end)).toBe(se.text);
      expect(s.sentences.map((se) => se.text).join(" ")).toBe(s.text);
    }
  });
});
