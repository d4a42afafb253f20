/**
 * Documents written blind to the parser by a reviewer, as a customer's
 * unseen summaries would be: prefaces above the title, titles wrapped over
 * two lines, CRLF, a BOM, keynote sessions, indented continuations, page
 * numbers inside statements, city-and-country affiliations, second annexes.
 * The expectations are the reviewer's human reading of each document.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DialogueParseError } from "@/lib/dialogue/dialogue-parse-error";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";

type Expectation = {
  file: string;
  titleEnd: string;
  date: string;
  venue: string;
  segments: string;
  lists: string;
  delegations: number;
  onBehalfOf?: Record<string, string>;
  speakers?: Record<
    string,
    { honorific?: string | null; name?: string; delegation?: string | null; sentences?: number }
  >;
};

const EXPECTATIONS: Expectation[] = [
  {
    file: "ga-dialogue-2010-06-03-biodiversity.md",
    titleEnd: "General Assembly on “Biodiversity for development and poverty alleviation”",
    date: "2010-06-03",
    venue: "Trusteeship Council Chamber, United Nations Headquarters, New York",
    segments: "opening:3 panel-1:4 panel-2:3 closing:1",
    lists: "3/4/5/3/2",
    delegations: 29,
    onBehalfOf: { Belgium: "European Union", Yemen: "Group of 77 and China" },
    speakers: {
      "opening.talal": { honorific: "H.R.H. Princess", name: "Basma bint Talal" },
      "panel-1.essono": { delegation: null },
    },
  },
  {
    file: "ga-dialogue-2012-05-03-road-safety.md",
    titleEnd: "“Road safety: saving lives through the Decade of Action”",
    date: "2012-05-03",
    venue: "Conference Room 2 (North Lawn Building), United Nations Headquarters, New York",
    segments: "opening:2 panel-1:4 panel-2:2 panel-3:2 closing:1",
    lists: "2/6/3/4/1",
    delegations: 23,
    onBehalfOf: { Chile: "Group of Latin American and Caribbean States", Algeria: "Group of 77 and China" },
    speakers: { "panel-1.khan": {}, "panel-1.khan-2": {} },
  },
  {
    file: "ga-dialogue-2014-03-06-women-youth-civil-society.md",
    titleEnd: 'POST-2015 DEVELOPMENT AGENDA"',
    date: "2014-03-06",
    venue: "New York",
    segments: "opening:2 panel-1:3 panel-2:3 closing:1",
    lists: "4/3/2/5/3",
    delegations: 18,
    onBehalfOf: {
      "Bolivia (Plurinational State of)": "Group of 77 and China",
      Benin: "Group of Least Developed Countries",
    },
    speakers: { "panel-1.okonjo-bello": { sentences: 4 } },
  },
  {
    file: "ga-dialogue-2016-04-25-oceans.md",
    titleEnd: "on “Oceans and seas for sustainable development: implementing Goal 14”",
    date: "2016-04-25",
    venue: "Economic and Social Council Chamber, New York",
    segments: "opening:2 panel-1:3 panel-2:3 closing:1",
    lists: "2/5/0/3/0",
    delegations: 20,
    onBehalfOf: { Jamaica: "Caribbean Community (CARICOM)" },
    speakers: { "panel-1.thomson-vakalala": { sentences: 4 } },
  },
  {
    file: "ga-dialogue-2009-03-26-financial-crisis.md",
    titleEnd: "impact on development”",
    date: "2009-03-26",
    venue: "General Assembly Hall, New York",
    segments: "opening:2 panel-1:3 panel-2:3 closing:1",
    lists: "1/4/2/2/6",
    delegations: 16,
  },
  {
    file: "ga-dialogue-2019-05-29-antimicrobial-resistance.md",
    titleEnd: "“Antimicrobial resistance: a One Health response”",
    date: "2019-05-29",
    venue: "Conference Room 4, United Nations Headquarters, New York",
    segments: "opening:2 keynote-address:1 panel-1:4 panel-2:2 closing:1",
    lists: "3/8/3/2/2",
    delegations: 26,
    speakers: { "panel-1.balkhy-rahman": { sentences: 3 }, "panel-1.nilsson": { delegation: null } },
  },
];

describe.each(EXPECTATIONS)("unseen document $file", (expected) => {
  it("parses as a careful reader would", async () => {
    const { parsed } = await readDialogueFile(path.join("test/fixtures/dialogues-unseen", expected.file));
    expect(parsed.title.endsWith(expected.titleEnd)).toBe(true);
    expect([parsed.date, parsed.venue]).toEqual([expected.date, expected.venue]);
    expect(parsed.segments.map((s) => `${s.key}:${s.statements.length}`).join(" ")).toBe(expected.segments);
    expect(SUMMARY_LISTS.map((l) => parsed.summary[l].length).join("/")).toBe(expected.lists);
    expect(parsed.delegations).toHaveLength(expected.delegations);
    for (const [name, group] of Object.entries(expected.onBehalfOf ?? {})) {
      expect(parsed.delegations.find((d) => d.name === name)?.onBehalfOf).toBe(group);
    }
    const statements = new Map(parsed.segments.flatMap((s) => s.statements).map((s) => [s.id, s]));
    for (const [id, want] of Object.entries(expected.speakers ?? {})) {
      const statement = statements.get(id);
      expect(statement, id).toBeDefined();
      const { honorific, name, delegation, sentences } = want;
      if (honorific !== undefined) expect(statement!.speaker.honorific).toBe(honorific);
      if (name !== undefined) expect(statement!.speaker.name).toBe(name);
      if (delegation !== undefined) expect(statement!.speaker.delegation).toBe(delegation);
      if (sentences !== undefined) expect(statement!.sentences).toHaveLength(sentences);
    }
  });
});

describe("malformed documents", () => {
  it.each([
    ["bad-1-list-before-intro.md", 15, /outside any list/],
    ["bad-2-statements-before-heading.md", 7, /before any session heading/],
    ["bad-3-truncated-in-title.md", 3, /no meeting date/],
    ["bad-4-latin1.md", 1, /not valid UTF-8/],
    ["bad-5-empty.md", 1, /empty/],
    ["bad-6-unclosed-bold.md", 9, /speaker's name in bold/],
  ])("%s fails at line %i", async (file, line, reason) => {
    const error = await readDialogueFile(path.join("test/fixtures/dialogues-bad", file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DialogueParseError);
    expect((error as DialogueParseError).line).toBe(line);
    expect((error as DialogueParseError).reason).toMatch(reason);
  });

  it("refuses broken annex entries, naming their line", async () => {
    const { parseDialogue } = await import("@/lib/dialogue/parse-dialogue");
    const head =
      "# Summary on “X”\n\nNew York\n\n3 June 2010\n\n## Opening\n\n1. **Mr. A B**, Chair, said it.\n\n## Annex I\n\n";
    for (const [entry, reason] of [
      ["1. Chile (on behalf of", /unbalanced/],
      ["1. (on behalf of the Group of 77)", /without a name/],
      ["1. Peru (on behalf of the Group of 77 and China", /unbalanced/],
    ] as const) {
      let error: unknown;
      try {
        parseDialogue(head + "1. Argentina\n" + entry.replace(/^1/, "2") + "\n");
      } catch (e) {
        error = e;
      }
      expect(error, entry).toBeInstanceOf(DialogueParseError);
      expect((error as DialogueParseError).line).toBe(14);
      expect((error as DialogueParseError).reason).toMatch(reason);
    }
  });
});
