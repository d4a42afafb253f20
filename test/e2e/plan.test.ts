/** The draft plan over HTTP and in Chromium: who may read it, who may confirm or reject its suggested sources. */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan } from "@/test/support/factories";
import { jsonRequest } from "@/test/support/http";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInOverHttp, signInWithForm } from "@/test/support/sign-in";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
const browser = setUpBrowser();
// One plan for the file: the reset at the end needs what the tests before it decided.
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

async function aSuggestedLink(): Promise<string> {
  return (
    await getPrisma().provenanceLink.findFirstOrThrow({
      where: { planId, status: "suggested" },
      orderBy: { createdAt: "asc" },
    })
  ).id;
}

describe.skipIf(!hasServer)("POST /api/plans/[id]/links/[linkId]", () => {
  it("requires authentication", async () => {
    const response = await fetch(
      `${baseUrl}/api/plans/${planId}/links/${await aSuggestedLink()}`,
      jsonRequest({ decision: "confirm" }),
    );
    expect(response.status).toBe(401);
  });

  it.each(["delegate", "observer"] as const)("refuses a %s with 403 and leaves the link as it was", async (role) => {
    const linkId = await aSuggestedLink();
    const response = await sessions[role].fetch(
      `/api/plans/${planId}/links/${linkId}`,
      jsonRequest({ decision: "confirm" }),
    );
    expect(response.status).toBe(403);
    expect((await getPrisma().provenanceLink.findUniqueOrThrow({ where: { id: linkId } })).status).toBe("suggested");
  });

  it("lets a facilitator confirm, recording who and when, with an audit row", async () => {
    const linkId = await aSuggestedLink();
    const response = await sessions.facilitator.fetch(
      `/api/plans/${planId}/links/${linkId}`,
      jsonRequest({ decision: "confirm" }),
    );
    expect(response.status).toBe(200);
    const link = await getPrisma().provenanceLink.findUniqueOrThrow({
      where: { id: linkId },
      include: { confirmedBy: true },
    });
    expect([link.status, link.confirmedBy?.email]).toEqual(["confirmed", ACCOUNTS.facilitator]);
    expect(await getPrisma().auditLog.count({ where: { action: "provenance.confirm", resourceId: linkId } })).toBe(1);
  });

  it("answers 400 naming the field, and 404 for a link of another plan", async () => {
    const bad = await sessions.facilitator.fetch(
      `/api/plans/${planId}/links/${await aSuggestedLink()}`,
      jsonRequest({ decision: "maybe" }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "decision" });
    const missing = await sessions.facilitator.fetch(
      `/api/plans/other-plan/links/${await aSuggestedLink()}`,
      jsonRequest({ decision: "confirm" }),
    );
    expect(missing.status).toBe(404);
  });
});

describe.skipIf(!hasServer)("the plan page in Chromium", () => {
  async function open(email: string): Promise<Page> {
    const page = await browser.newPage(email);
    // The home page links every plan of the dialogue: this file's is the one to follow.
    await page.locator(`a[href="/plans/${planId}"]`, { hasText: "Open the draft plan" }).click();
    await page.waitForURL(/\/plans\//);
    return page;
  }

  it("lets a facilitator confirm a suggested source, which then counts as confirmed", async () => {
    const page = await open(ACCOUNTS.facilitator);
    const section = page.locator("#timeframe");
    const badge = section.getByText(/\d+ confirmed sources/);
    const before = Number((await badge.textContent())!.match(/\d+/)![0]);
    await section.getByText(/Sources for the whole section/).click();
    await section
      .getByRole("button", { name: /^Confirm / })
      .first()
      .click();
    await section.getByText(`${before + 1} confirmed sources`).waitFor();
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it("shows an observer the sources but no confirm or reject buttons, and renders without hydration errors", async () => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    page.on("pageerror", (error) => errors.push(error.message));
    await signInWithForm(page, ACCOUNTS.observer);
    await page.goto(`/plans/${planId}`);
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    await expect(page.getByText("Only facilitators can confirm or reject suggestions.").count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: /^(Confirm|Reject) / }).count()).resolves.toBe(0);
    await expect(page.locator("#resources sup").first().textContent()).resolves.toMatch(/^\[\d+/);
  });
});

describe.skipIf(!hasServer)("the coverage board", () => {
  it("changes when a facilitator confirms a suggested source", async () => {
    // A suggested sentence of a speaker whom no confirmed link reaches yet.
    const link = await getPrisma().provenanceLink.findFirstOrThrow({
      where: {
        planId,
        status: "suggested",
        sentenceId: { not: null },
        statement: {
          speaker: {
            statements: {
              none: {
                OR: [
                  { links: { some: { status: "confirmed" } } },
                  { sentences: { some: { links: { some: { status: "confirmed" } } } } },
                ],
              },
            },
          },
        },
      },
      include: { sentence: true, statement: { include: { speaker: true } } },
    });
    const speakerKey = link.statement!.speaker.key;
    const page = await browser.newPage(ACCOUNTS.facilitator);
    await page.goto(`/plans/${planId}/coverage?group=speakers`);
    await expect(page.getByTestId(`coverage-${speakerKey}`).textContent()).resolves.toContain("suggested only");

    await page.goto(`/plans/${planId}`);
    // Suggestions sit in closed disclosures, outside the accessibility tree until opened.
    const button = page
      .getByRole("button", {
        name: new RegExp(`^Confirm .*${link.sentence!.key.replace(/\./g, "\\.")}$`),
        includeHidden: true,
      })
      .first();
    await button.evaluate((el) => el.closest("details")?.setAttribute("open", ""));
    await button.click();
    // The page refreshes its sources: the link now shows as confirmed (its buttons, and their status line, are gone).
    const source = page
      .locator("li", { has: page.locator(`a[href$="#${link.sentence!.key}"]`) })
      .filter({ has: page.getByRole("button", { name: /^Confirm /, includeHidden: true }) });
    await source.first().waitFor({ state: "detached" });
    await page
      .locator("li", { has: page.locator(`a[href$="#${link.sentence!.key}"]`) })
      .getByTestId("link-status")
      .filter({ hasText: "confirmed" })
      .first()
      .waitFor({ state: "attached" });

    await page.goto(`/plans/${planId}/coverage?group=speakers`);
    await expect(page.getByTestId(`coverage-${speakerKey}`).textContent()).resolves.toContain("covered");
    expect(await findSeriousViolations(page)).toEqual([]);
  });

  it("lets a facilitator exclude an uncovered delegation with a reason", async () => {
    const page = await browser.newPage(ACCOUNTS.facilitator);
    await page.goto(`/plans/${planId}/coverage?group=delegations&status=uncovered`);
    const row = page.getByTestId("coverage-delegation-algeria");
    await row.getByRole("button", { name: "Exclude… delegation-algeria" }).click();
    await row.getByLabel("Why is delegation-algeria left out?").fill("Spoke only in the general debate");
    await row.getByRole("button", { name: "Exclude" }).click();
    // Saved and refreshed: the row leaves this "uncovered" view.
    await row.waitFor({ state: "detached" });
    await page.goto(`/plans/${planId}/coverage?group=delegations&status=excluded`);
    await expect(page.getByTestId("coverage-delegation-algeria").textContent()).resolves.toContain(
      "Excluded: Spoke only in the general debate",
    );
  });

  it("serves the traceability matrix as CSV to readers, and refuses exclusions to observers", async () => {
    const observer = await signInOverHttp(baseUrl, ACCOUNTS.observer);
    const csv = await observer.fetch(`/api/plans/${planId}/traceability`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte order mark, for spreadsheets
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toMatch(/^item,list,text,principles,situational-analysis,/);
    expect(lines).toHaveLength(40);
    expect(lines.find((l) => l.startsWith("should-8,"))).toMatch(/,C(,|$)/);
    expect((await fetch(`${baseUrl}/api/plans/${planId}/traceability`)).status).toBe(401);
    const delegation = await getPrisma().delegation.findFirstOrThrow({ where: { name: "Brazil" } });
    const refused = await observer.fetch(
      `/api/plans/${planId}/exclusions`,
      jsonRequest({ targetType: "delegation", targetId: delegation.id, reason: "no" }),
    );
    expect(refused.status).toBe(403);
    expect(await getPrisma().coverageExclusion.count({ where: { targetId: delegation.id } })).toBe(0);
  });
});

// Last, as it puts the plan back to the seeded skeleton.
describe.skipIf(!hasServer)("POST /api/plans/[id]/reset", () => {
  it("requires authentication", async () => {
    expect((await fetch(`${baseUrl}/api/plans/${planId}/reset`, jsonRequest({ confirm: "RESET" }))).status).toBe(401);
  });

  it.each(["facilitator", "delegate", "observer"] as const)("refuses a %s with 403", async (role) => {
    const session = await signInOverHttp(baseUrl, ACCOUNTS[role]);
    expect((await session.fetch(`/api/plans/${planId}/reset`, jsonRequest({ confirm: "RESET" }))).status).toBe(403);
  });

  it("needs the typed confirmation, then resets to the skeleton with an audit row", async () => {
    const admin = await signInOverHttp(baseUrl, ACCOUNTS.admin);
    const unconfirmed = await admin.fetch(`/api/plans/${planId}/reset`, jsonRequest({ confirm: "yes" }));
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.json()).toMatchObject({ field: "confirm" });
    expect(
      (await getPrisma().provenanceLink.count({ where: { planId, status: "rejected" } })) +
        (await getPrisma().coverageExclusion.count({ where: { planId } })),
    ).toBeGreaterThan(0);

    const response = await admin.fetch(`/api/plans/${planId}/reset`, jsonRequest({ confirm: "RESET" }));
    expect(response.status).toBe(200);
    expect(await getPrisma().coverageExclusion.count({ where: { planId } })).toBe(0);
    expect(
      await getPrisma().provenanceLink.count({
        where: { planId, OR: [{ status: "rejected" }, { confirmedById: { not: null } }] },
      }),
    ).toBe(0);
    expect(await getPrisma().planSection.count({ where: { planId } })).toBe(12);
    expect(await getPrisma().auditLog.count({ where: { action: "plan.reset", resourceId: planId } })).toBe(1);
  });
});

describe.skipIf(!hasServer)("suggested sources for a passage", () => {
  it("lists ranked sources for anyone who may read, and lets only facilitators confirm or reject them", async () => {
    const observer = await signInOverHttp(baseUrl, ACCOUNTS.observer);
    const listed = await observer.fetch(
      `/api/plans/${planId}/suggestions?section=objectives&block=objectives.should-10`,
    );
    expect(listed.status).toBe(200);
    const suggestions = (await listed.json()) as { targetKey: string; address: string }[];
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(10);
    const body = {
      sectionKey: "objectives",
      blockId: "objectives.should-10",
      targetKey: suggestions[0].targetKey,
      decision: "reject",
    };
    expect((await observer.fetch(`/api/plans/${planId}/links`, jsonRequest(body))).status).toBe(403);
    expect((await fetch(`${baseUrl}/api/plans/${planId}/links`, jsonRequest(body))).status).toBe(401);

    const facilitator = await signInOverHttp(baseUrl, ACCOUNTS.facilitator);
    expect((await facilitator.fetch(`/api/plans/${planId}/links`, jsonRequest(body))).status).toBe(201);
    const again = (await (
      await observer.fetch(`/api/plans/${planId}/suggestions?section=objectives&block=objectives.should-10`)
    ).json()) as { targetKey: string }[];
    expect(again.map((s) => s.targetKey)).not.toContain(suggestions[0].targetKey);
    const foreign = await facilitator.fetch(
      `/api/plans/${planId}/links`,
      jsonRequest({ ...body, targetKey: "sentence:not-in-this-dialogue" }),
    );
    expect(foreign.status).toBe(400);
    expect(await foreign.json()).toMatchObject({ field: "targetKey" });
  });

  it("never overwrites a decided link, answers concerns by default, and lets only one of two racing decisions win", async () => {
    const facilitator = await signInOverHttp(baseUrl, ACCOUNTS.facilitator);
    const seeded = await getPrisma().provenanceLink.findFirstOrThrow({
      where: { planId, status: "confirmed", summaryItemId: { not: null } },
      include: { section: true },
    });
    const overwrite = await facilitator.fetch(
      `/api/plans/${planId}/links`,
      jsonRequest({
        sectionKey: seeded.section.key,
        blockId: seeded.blockId,
        targetKey: seeded.targetKey,
        relation: seeded.relation,
        decision: "reject",
      }),
    );
    expect(overwrite.status).toBe(409);
    expect((await getPrisma().provenanceLink.findUniqueOrThrow({ where: { id: seeded.id } })).status).toBe("confirmed");

    const concern = await getPrisma().summaryItem.findFirstOrThrow({ where: { list: "concerns", key: "concerns-3" } });
    const answered = await facilitator.fetch(
      `/api/plans/${planId}/links`,
      jsonRequest({
        sectionKey: "targets",
        blockId: "targets.guidance",
        targetKey: `summary-item:${concern.id}`,
        decision: "confirm",
      }),
    );
    expect(answered.status).toBe(201);
    const link = await getPrisma().provenanceLink.findUniqueOrThrow({
      where: { id: ((await answered.json()) as { id: string }).id },
    });
    expect(link.relation).toBe("responds_to_concern");

    // Two confirmations of one suggestion at once: one wins, the other hears it was decided. (Confirm then
    // reject would both be right one after the other: a confirmed source may be taken back.)
    const contested = await aSuggestedLink();
    const results = await Promise.all(
      ["confirm", "confirm"].map((decision) =>
        facilitator.fetch(`/api/plans/${planId}/links/${contested}`, jsonRequest({ decision })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      await getPrisma().auditLog.count({
        where: { resourceId: contested, action: { in: ["provenance.confirm", "provenance.reject"] } },
      }),
    ).toBe(1);
  });

  it("lets a facilitator confirm a live suggestion from the page, numbering it on the passage", async () => {
    const page = await browser.newPage(ACCOUNTS.facilitator);
    try {
      await page.goto(`/plans/${planId}`);
      // The caret in the live passage opens its sources beside it.
      await page.locator('#resources [data-testid="save-status"][data-state="saved"]').waitFor();
      const passage = page.locator('#resources .ProseMirror li[data-block-id="resources.should-8"]');
      await passage.click();
      const panel = page.locator("#resources").getByTestId("passage-panel");
      await panel.getByRole("button", { name: "Suggest sources for this passage" }).click();
      const confirm = panel.getByRole("button", { name: /^Confirm / }).first();
      const address = (await confirm.textContent())!.replace(/^Confirm\s*/, "");
      await confirm.click();
      await panel
        .getByRole("status")
        .filter({ hasText: `Confirmed ${address}` })
        .waitFor();
      // After the refresh the passage carries two source numbers: the seeded item and the one just confirmed.
      await passage.getByTitle(/^2 sources \(\d+, \d+\)$/).waitFor();
    } finally {
      await page.context().close();
    }
  });
});
