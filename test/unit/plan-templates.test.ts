/**
 * The document templates (lib/plan/templates/): they load, say nothing about any dialogue's topic, and have the parts
 * their documents need.
 */
import { describe, expect, it } from "vitest";
import { findPlanTemplate, PLAN_TEMPLATES } from "@/lib/plan/templates";
import { findBorrowedTerms } from "@/test/support/topic-terms";

describe("the plan templates", () => {
  it("name no topic: every title, guidance, phrase and starting paragraph is topic-neutral", () => {
    const borrowed = PLAN_TEMPLATES.flatMap((template) =>
      template.sections.flatMap((s) =>
        findBorrowedTerms([s.title, s.guidance, ...s.phrases, ...s.content].join("\n"), "").map(
          (term) => `${template.key}/${s.key}: ${term}`,
        ),
      ),
    );
    expect(borrowed).toEqual([]);
  });

  it("are a plan of action, with the sections a plan needs and one fallback", () => {
    const plan = findPlanTemplate("plan-of-action")!;
    expect(plan.sections.map((s) => s.title)).toEqual(
      expect.arrayContaining([
        "Situational analysis",
        "Strategic objectives",
        "Targets and achievement indicators",
        "Timeframe",
        "Resources",
        "Recommended actions",
        "Cooperation and partnerships",
        "Monitoring and review",
        "Relation to existing instruments",
      ]),
    );
    expect(plan.sections.filter((s) => s.fallback).map((s) => s.key)).toEqual(["further-elements"]);
  });

  it("and a General Assembly resolution: title, preamble, operative part, then the plan as its annex", () => {
    const resolution = findPlanTemplate("ga-resolution")!;
    const keys = resolution.sections.map((s) => s.key);
    expect(keys.slice(0, 3)).toEqual(["title", "preamble", "operative"]);
    expect(keys.slice(3)).toEqual(findPlanTemplate("plan-of-action")!.sections.map((s) => `annex-${s.key}`));
    expect(resolution.sections[3].title).toBe("Annex — Guiding principles");
    expect(resolution.sections.find((s) => s.key === "preamble")!.takes).toEqual(["consensus", "inFavour"]);
  });

  it("finds a borrowed term only where the source does not say it", () => {
    expect(findBorrowedTerms("Cooperation between countries of origin and destination", "water")).toEqual([
      "origin",
      "destination",
    ]);
    expect(findBorrowedTerms("Access to water", "Water and sanitation for all")).toEqual([]);
  });
});
