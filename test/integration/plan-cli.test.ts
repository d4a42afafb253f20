/** The plan command line as a person runs it, against the run's database. */
import { describe, expect, inject, it } from "vitest";
import { main } from "@/scripts/plan";
import { runInProcess, runSpawned } from "@/test/support/cli";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";

/** In process; the first test spawns the real script once, as a person runs it. */
const plan = (...args: string[]) => runInProcess(main, args);
const planSpawned = (...args: string[]) => runSpawned("scripts/plan.ts", args, { DATABASE_URL: inject("databaseUrl") });

setUpSeedDialogue();

describe("npm run plan", () => {
  it("seeds once, then reports the plan unchanged", async () => {
    const first = await planSpawned("seed");
    expect(first.stdout).toMatch(/^created: plan \S+ \(12 sections, \d+ confirmed and \d+ suggested links\)/);
    const second = await plan("seed", "--dialogue", "2009-05-13-taking-collective-action-to-end-human-trafficking");
    expect(second.stdout).toMatch(/^unchanged: plan /);
  });

  it("prints ranked suggestions for a passage as JSON", async () => {
    const { code, stdout } = await plan(
      "suggest",
      "--text",
      "Map the resources required and how they may be mobilized",
      "--limit",
      "3",
    );
    expect(code).toBe(0);
    const suggestions = JSON.parse(stdout) as {
      target: { type: string; id: string; sentenceId: string | null };
      score: number;
      snippet: string;
    }[];
    expect(suggestions).toHaveLength(3);
    expect(suggestions[0]).toMatchObject({
      target: { type: "summary-item", id: expect.stringMatching(/:should-8$/), sentenceId: null },
      snippet: expect.stringMatching(/^Map the resources/),
    });
    expect(suggestions[0].score).toBeGreaterThanOrEqual(suggestions[1].score);
  });

  it("exports the plan as JSON in the documented shape: sections with their sources, and coverage", async () => {
    const { stdout } = await plan("export", "--format", "json");
    const exported = JSON.parse(stdout);
    expect(Object.keys(exported)).toEqual([
      "format",
      "version",
      "exportedAt",
      "plan",
      "sections",
      "coverage",
      "silence",
    ]);
    expect(exported).toMatchObject({
      format: "gpa-plan",
      version: 1,
      plan: { templateKey: "plan-of-action", dialogue: { date: "2009-05-13" } },
    });
    const resources = exported.sections.find((s: { key: string }) => s.key === "resources");
    expect(resources).toMatchObject({ title: "Resources", position: expect.any(Number), text: expect.any(String) });
    expect(resources.links).toContainEqual(
      expect.objectContaining({
        blockId: "resources.should-8",
        relation: "derived_from",
        status: "confirmed",
        target: {
          type: "summary-item",
          id: expect.stringMatching(/:should-8$/),
          sentenceId: null,
          address: "should-8",
        },
      }),
    );
    const suggested = exported.sections.flatMap((s: { links: { status: string }[] }) => s.links);
    expect(suggested).toContainEqual(
      expect.objectContaining({
        status: "suggested",
        target: expect.objectContaining({ type: "statement", sentenceId: expect.any(String) }),
      }),
    );
    expect(Object.keys(exported.coverage)).toEqual(["counts", "points"]);
    expect(exported.coverage.counts.covered).toBeGreaterThanOrEqual(11);
    expect(exported.coverage.points).toContainEqual({
      group: "should",
      key: "should-8",
      label: expect.stringMatching(/^Map the resources/),
      status: "covered",
    });
  });

  it("exports the restorable whole as --format backup", async () => {
    const { stdout } = await plan("export", "--format", "backup");
    const exported = JSON.parse(stdout);
    expect(Object.keys(exported)).toEqual([
      "format",
      "formatVersion",
      "scope",
      "exportedAt",
      "dialogue",
      "users",
      "plan",
      "sections",
      "links",
      "exclusions",
      "paragraphStatuses",
      "rounds",
      "silences",
      "threads",
      "amendments",
      "concerns",
      "versions",
      "placements",
    ]);
    expect(exported).toMatchObject({ format: "gpa-plan-backup", formatVersion: 1, scope: "full" });
    expect(exported.plan.templateKey).toBe("plan-of-action");
    expect(exported.placements.length).toBeGreaterThan(11);
    expect(exported.sections[0]).toMatchObject({
      key: "principles",
      position: 0,
      title: expect.any(String),
      text: expect.any(String),
      content: { type: "doc" },
    });
    expect(exported.dialogue.sourceText.length).toBeGreaterThan(1000);
  });

  it("prints the seeding report, marking what fell back", async () => {
    const { stdout } = await plan("report");
    expect(stdout).toMatch(/^Seeding report: Global Plan of Action: .* \(Plan of action\)/);
    expect(stdout).toContain("   should-8  Map the resources required and how they may be mobilized.");
    expect(stdout).toMatch(/→ Resources \[key phrase: “resources”/);
    expect(stdout).toMatch(/\d+ placed, 0 fell back to the fallback section, \d+ in no section\.\n$/);
    expect((await plan("seed", "--template", "memo")).stderr).toMatch(/no template "memo": one of plan-of-action/);
  });

  it("refuses bad options with a clear message", async () => {
    const bad = await plan("suggest", "--text", "x", "--limit", "0");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/invalid option limit/);
    expect((await plan("export", "--format", "xml")).stderr).toMatch(/invalid option format/);
    expect((await plan("frobnicate")).code).toBe(2);
    expect((await plan("suggest", "--text", "x", "--dialogue", "nope")).stderr.trim()).toBe("no dialogue nope");
    expect((await plan("export", "--plan", "nope")).stderr.trim()).toBe("no plan nope");
  });
});
