/** Smaller variations of the family's layout, each in a short document of its own. */
import { describe, expect, it } from "vitest";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";

const VARIANT = `**Summary of the Interactive Dialogue of the General Assembly on “Oceans and Seas”**

New York, 8 June 2012

### 1. Opening session

1. **Ms. Ana Lima, Minister of Fisheries of Brazil**, stressed that oceans matter. She called for action.

## First panel: Oceans and climate

1. **Dr. Kofi Mensah**, Director, Ocean Institute, said that seas are rising. He urged care.

## Panel discussion 2 – Fisheries

1. **Mr. Lars Berg** noted the decline of stocks.

## Panel Three: Pollution

1. **Professor Mei Chen**, University of the Sea, warned that plastic persists.

## Key messages

Participants agreed on:

(a) The **urgency** of action.
(b) The need for **science**.

Participants stressed that a framework should:

- Be **ambitious**.
- Be **fair**.

## Annex I

Brazil
Norway
Chile (on behalf of the Group of 77 and China)
`;

describe("layout variants of the family", () => {
  const dialogue = parseDialogue(VARIANT);

  it("takes a bold paragraph as the title and one line as venue and date", () => {
    expect(dialogue.title).toBe("Summary of the Interactive Dialogue of the General Assembly on “Oceans and Seas”");
    expect(dialogue.venue).toBe("New York");
    expect(dialogue.date).toBe("2012-06-08");
  });

  it("reads outline-numbered, ordinal, 'discussion' and worded panel headings", () => {
    expect(dialogue.segments.map((s) => [s.key, s.title])).toEqual([
      ["opening", "Opening session"],
      ["panel-1", "Oceans and climate"],
      ["panel-2", "Fisheries"],
      ["panel-3", "Pollution"],
    ]);
  });

  it("reads an office written inside the bold name", () => {
    expect(dialogue.segments[0].statements[0]).toMatchObject({
      id: "opening.lima",
      speaker: {
        name: "Ana Lima",
        honorific: "Ms.",
        affiliation: "Minister of Fisheries of Brazil",
        delegation: "Brazil",
      },
      text: "stressed that oceans matter. She called for action.",
    });
    expect(dialogue.segments[2].statements[0].speaker).toMatchObject({ name: "Lars Berg", affiliation: null });
  });

  it("reads lettered and bulleted summary lists under a 'Key messages' heading", () => {
    expect(dialogue.summary.consensus.map((i) => [i.id, i.keyPhrases])).toEqual([
      ["consensus-1", ["urgency"]],
      ["consensus-2", ["science"]],
    ]);
    expect(dialogue.summary.should.map((i) => i.text)).toEqual(["Be ambitious.", "Be fair."]);
  });

  it("reads annex lines that are not a list", () => {
    expect(dialogue.delegations.map((d) => [d.name, d.onBehalfOf])).toEqual([
      ["Brazil", null],
      ["Norway", null],
      ["Chile", "Group of 77 and China"],
    ]);
  });

  it("reads an ISO date", () => {
    const iso = parseDialogue(
      "# Summary on “X”\n\nGeneva\n\n2014-02-03\n\n## Opening\n\n1. **Mr. A B**, Chair, said it.\n",
    );
    expect([iso.venue, iso.date]).toEqual(["Geneva", "2014-02-03"]);
  });
});
