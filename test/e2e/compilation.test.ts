/**
 * The compilation of proposals on a version, over HTTP and in Chromium: the
 * endpoint answers 401 without a session, 404 for another plan's version or
 * none, 400 naming the format, the rows as JSON and the Word table to any
 * reader; an observer opens the compilation from the versions list, reads
 * the table, filters it to the paragraphs with proposals by keyboard, and
 * axe finds nothing serious either way.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { ZDecideAmendment } from "@/lib/amendments/schemas";
import { setSponsorship } from "@/lib/amendments/sponsor-amendment";
import { createVersion } from "@/lib/versions/create-version";
import { ZCreateVersion } from "@/lib/versions/schemas";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createAmendment, createPlan, findUser } from "@/test/support/factories";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["observer", "delegate"] });
const browser = setUpBrowser();
const REASON = "Kept as drafted after the informal of 3 May.";
let planId: string;
let otherPlanId: string;
let versionId: string;
let proposed: { id: string; number: number };
let rejected: { id: string; number: number };

beforeAll(async () => {
  if (!hasServer) return;
  [{ id: planId }, { id: otherPlanId }] = await Promise.all([createPlan(), createPlan()]);
  const [ecuador, bahrain, facilitator] = await Promise.all([
    findUser(ACCOUNTS.delegate),
    findUser(ACCOUNTS.bahrain),
    findUser(ACCOUNTS.facilitator),
  ]);
  proposed = await createAmendment({ actor: ecuador, planId, newText: "Cross-cutting matters" });
  await setSponsorship({ actor: bahrain, target: { planId, amendmentId: proposed.id }, isSponsoring: true });
  rejected = await createAmendment({ actor: bahrain, planId, sectionKey: "resources" });
  ({ id: versionId } = await createVersion({
    actor: facilitator,
    planId,
    input: ZCreateVersion.parse({ label: "Rev.1" }),
  }));
  // Rejected after Rev.1 was issued: still one of its inputs, now with the facilitator's reason.
  await decideAmendment({
    actor: facilitator,
    target: { planId, amendmentId: rejected.id },
    input: ZDecideAmendment.parse({ decision: "reject", reason: REASON }),
  });
}, 120_000);

const url = (query = "", plan = planId, version = versionId) =>
  `/api/plans/${plan}/versions/${version}/compilation${query}`;

describe.skipIf(!hasServer)("GET /api/plans/[id]/versions/[versionId]/compilation", () => {
  it("requires a session (401), finds no other plan's version (404), and names a bad format (400)", async () => {
    expect((await fetch(`${baseUrl}${url()}`)).status).toBe(401);
    expect((await fetch(`${baseUrl}${url("?format=docx")}`)).status).toBe(401);
    expect((await sessions.observer.fetch(url("", otherPlanId))).status).toBe(404);
    expect((await sessions.observer.fetch(url("?format=docx", otherPlanId))).status).toBe(404);
    expect((await sessions.observer.fetch(url("", planId, "no-such-version"))).status).toBe(404);
    const bad = await sessions.observer.fetch(url("?format=xml"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ field: "format" });
  });

  it("serves the rows as JSON and the Word table to any reader", async () => {
    const json = await sessions.delegate.fetch(url());
    expect(json.status).toBe(200);
    const body = (await json.json()) as { version: { label: string }; rows: { type: string; proposals?: unknown[] }[] };
    expect(body.version.label).toBe("Rev.1");
    expect(body.rows.filter((row) => row.type === "paragraph" && row.proposals!.length > 0)).toHaveLength(2);
    const docx = await sessions.observer.fetch(url("?format=docx"));
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.headers.get("content-disposition")).toMatch(
      /^attachment; filename="[a-z0-9-]+-rev-1-compilation\.docx"$/,
    );
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });
});

describe.skipIf(!hasServer)("the compilation page", () => {
  it("opens from the versions list, shows every paragraph, filters to those with proposals, and passes axe", async () => {
    const page = await browser.newPage(ACCOUNTS.observer);
    await page.goto(`/plans/${planId}/versions`);
    const link = page.getByRole("link", { name: "Compilation of proposals on Rev.1" });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Compilation of proposals on Rev.1", level: 1 }).waitFor();
    const table = page.getByRole("table", { name: /^Compilation of proposals on Rev\.1, one row per paragraph$/ });
    await table.waitFor();
    const everyRow = await table.getByTestId("compilation-row").count();
    expect(everyRow).toBeGreaterThan(10);
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "Paragraph",
      "Text",
      "Proposals (delegations, co-sponsors)",
      "Facilitator's note and decision",
    ]);
    const row = table.getByTestId("compilation-row").filter({ hasText: "Ecuador; co-sponsors: Bahrain" });
    await expect(row.getByTestId("word-diff").textContent()).resolves.toContain("Cross-cutting matters");
    await expect(row.getByTestId("compilation-decision").textContent()).resolves.toMatch(
      new RegExp(`^Amendment ${proposed.number}:\\s*pending$`),
    );
    const rejectedRow = table.getByTestId("compilation-row").filter({ hasText: REASON });
    await expect(rejectedRow.getByTestId("compilation-decision").textContent()).resolves.toMatch(
      new RegExp(`^Amendment ${rejected.number}:\\s*rejected`),
    );
    expect(await findSeriousViolations(page)).toEqual([]);

    // The filter, by keyboard: choose "only paragraphs with proposals", then Filter.
    const filter = page.getByRole("form", { name: "Filter the compilation" });
    await filter.getByLabel("Paragraphs").focus();
    await filter.getByLabel("Paragraphs").selectOption("proposals");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?show=proposals$/);
    const filtered = page.getByRole("table", { name: /only paragraphs with proposals$/ });
    await expect(filtered.getByTestId("compilation-row").count()).resolves.toBe(2);
    await expect(page.getByTestId("compilation-count").textContent()).resolves.toBe(
      `2 of ${everyRow} paragraphs shown; 2 with proposals, 2 proposals in all.`,
    );
    expect(await findSeriousViolations(page)).toEqual([]);
  });
});
