/**
 * The template's titles and guidance speak for the dialogue, so they use its
 * words: any other word must be one of drafting ("describe", "measurable"),
 * never a term the meeting did not use (a title once added "transit" to the
 * dialogue's "countries of origin and destination").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLAN_TEMPLATE } from "@/lib/plan/template";

const DIALOGUE = readFileSync("prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md", "utf8");

/** Words that tell drafters what to do, or name the document's parts: not claims about what was said. */
const DRAFTING_WORDS = new Set(
  (
    "guiding rests say without duplicating describe evidence behind set along ps rs give measurable objective " +
    "assessed when reached revisited coordinate fits treat every evaluated accountable explain answer"
  ).split(" "),
);

const stem = (word: string) => word.replace(/(ies|es|s|ing|ed)$/, "");
const wordsOf = (text: string) => text.toLowerCase().match(/[a-z][a-z-]+/g) ?? [];

describe("the plan template", () => {
  it("puts no word in the dialogue's mouth: every title and guidance word is the dialogue's, or one of drafting", () => {
    const spoken = new Set(wordsOf(DIALOGUE).map(stem));
    const foreign = PLAN_TEMPLATE.flatMap((section) =>
      [section.title, section.guidance].flatMap((text) =>
        wordsOf(text)
          .filter((word) => !spoken.has(stem(word)) && !DRAFTING_WORDS.has(word))
          .map((word) => `${section.key}: ${word}`),
      ),
    );
    expect(foreign).toEqual([]);
  });
});
