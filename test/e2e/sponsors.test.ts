/**
 * The draft's sponsors and the roster picker (issue 21), against `next start`:
 * PUT /api/plans/[id]/sponsors answers 401 without a session, 403 to
 * delegates and observers and 400 naming the field, writing nothing; a
 * facilitator sets the list, audited. In Chromium a facilitator finds Cabo
 * Verde by its old name, adds it beside Portugal and removes one again; an
 * admin invites a delegate of the United States by typing "USA". axe finds
 * nothing serious on either page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan } from "@/test/support/factories";
import { anonymousFetch, jsonRequest } from "@/test/support/http";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";

const { baseUrl, hasServer, sessions } = setUpServedApp({ accounts: ["facilitator", "delegate", "observer"] });
const browser = setUpBrowser();
const prisma = getPrisma();
let planId: string;
let portugal: string;

const idOf = async (name: string) =>
  (await prisma.delegation.findFirstOrThrow({ where: { dialogueId: SEED_DIALOGUE_ID, name } })).id;
const sponsorsPath = () => `/api/plans/${planId}/sponsors`;
const sponsorNames = async () =>
  (
    await prisma.planSponsor.findMany({
      where: { planId },
      orderBy: { position: "asc" },
      select: { delegation: { select: { name: true } } },
    })
  ).map((s) => s.delegation.name);

/**
 * What a refused request must leave as it was: every sponsor row and every audit row of sponsors (other files
 * run beside this one and write rows of their own, so not every table's count).
 */
async function snapshot() {
  return {
    sponsors: await prisma.planSponsor.findMany({ orderBy: [{ planId: "asc" }, { position: "asc" }] }),
    audit: await prisma.auditLog.count({ where: { action: "plan.sponsors" } }),
  };
}

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  portugal = await idOf("Portugal");
});

describe.skipIf(!hasServer)("PUT /api/plans/[id]/sponsors", () => {
  it("requires a session (401), writing nothing", async () => {
    const before = await snapshot();
    const response = await anonymousFetch(baseUrl)(sponsorsPath(), jsonRequest({ delegationIds: [portugal] }, "PUT"));
    expect(response.status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses delegates and observers (403), writing nothing", async () => {
    const before = await snapshot();
    for (const session of [sessions.delegate, sessions.observer]) {
      const response = await session.fetch(sponsorsPath(), jsonRequest({ delegationIds: [portugal] }, "PUT"));
      expect(response.status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 400 naming the field, writing nothing", async () => {
    const before = await snapshot();
    for (const body of [
      {},
      { delegationIds: "Portugal" },
      { delegationIds: [portugal, portugal] },
      { delegationIds: ["nope"] },
    ]) {
      const response = await sessions.facilitator.fetch(sponsorsPath(), jsonRequest(body, "PUT"));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ field: "delegationIds" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets a facilitator set the sponsors (200), audited", async () => {
    const caboVerde = await idOf("Cabo Verde");
    const response = await sessions.facilitator.fetch(
      sponsorsPath(),
      jsonRequest({ delegationIds: [portugal, caboVerde] }, "PUT"),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sponsors: [
        { id: portugal, name: "Portugal" },
        { id: caboVerde, name: "Cabo Verde" },
      ],
    });
    expect(await prisma.auditLog.count({ where: { action: "plan.sponsors", resourceId: planId } })).toBe(1);
    await sessions.facilitator.fetch(sponsorsPath(), jsonRequest({ delegationIds: [] }, "PUT"));
    expect(await sponsorNames()).toEqual([]);
  });
});

describe.skipIf(!hasServer)("sponsors and the roster picker in Chromium", () => {
  it("lets a facilitator add sponsors from the whole roster and remove one, by keyboard", async () => {
    const page = await browser.newPage(ACCOUNTS.facilitator);
    await page.goto(`/plans/${planId}`);
    const panel = page.getByTestId("plan-sponsors");
    await expect(panel.getByText("No sponsors yet.").isVisible()).resolves.toBe(true);
    await panel.getByText("Manage sponsors").click();

    // Portugal, then Cabo Verde found by its former name: not in the 2009 annex, but on the roster.
    await panel.getByLabel("Search the roster").fill("Portugal");
    await panel.getByLabel("Add a sponsor").selectOption({ label: "Portugal" });
    await panel.getByRole("button", { name: "Add sponsor" }).click();
    await panel.getByText("Portugal added as a sponsor.").waitFor();
    await panel.getByLabel("Search the roster").fill("Cape Verde");
    await expect(panel.getByText("1 of").textContent()).resolves.toMatch(/^1 of \d+ delegations match$/);
    await panel.getByLabel("Add a sponsor").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await panel.getByText("Cabo Verde added as a sponsor.").waitFor();
    await panel.getByText("Sponsored by Portugal and Cabo Verde.").waitFor();
    expect(await sponsorNames()).toEqual(["Portugal", "Cabo Verde"]);
    expect(await findSeriousViolations(page)).toEqual([]);

    await panel.getByRole("button", { name: "Remove Portugal from the sponsors" }).click();
    await panel.getByText("Sponsored by Cabo Verde.").waitFor();
    expect(await sponsorNames()).toEqual(["Cabo Verde"]);

    // A delegate reads the sponsors and has nothing to manage them with.
    const delegate = await browser.newPage(ACCOUNTS.delegate);
    await delegate.goto(`/plans/${planId}`);
    await delegate.getByTestId("plan-sponsors").getByText("Sponsored by Cabo Verde.").waitFor();
    await expect(delegate.getByText("Manage sponsors").count()).resolves.toBe(0);
  });

  it("lets an admin invite a delegate of any roster member, found by a common name", async () => {
    const page = await browser.newPage(ACCOUNTS.admin);
    await page.goto("/admin/invites");
    await page.getByLabel("Email").fill("usa.delegate@test.local");
    await page.getByLabel("Search the roster").fill("USA");
    const picker = page.getByLabel("Delegation", { exact: true });
    // Other files may have imported other dialogues: this one's roster is the 2009 dialogue's.
    const of2009 = (labels: (string | null)[]) => labels.filter((label) => label?.endsWith(", 2009"));
    await expect(picker.locator("option").allTextContents().then(of2009)).resolves.toEqual([
      "United States of America, 2009",
    ]);
    // The roster is grouped: Member States, observer States, groups.
    await page.getByLabel("Search the roster").fill("");
    const groups = await picker.locator("optgroup").evaluateAll((all) => all.map((g) => g.getAttribute("label")));
    expect(of2009(groups)).toEqual(["Member States, 2009", "Observer States, 2009", "Groups, 2009"]);
    await page.getByLabel("Search the roster").fill("USA");
    await picker.selectOption({ label: "United States of America, 2009" });
    expect(await findSeriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Create invite" }).click();
    await page.getByTestId("invite-link").waitFor();
    const invite = await prisma.invite.findFirstOrThrow({
      where: { email: "usa.delegate@test.local" },
      include: { delegation: true },
    });
    expect(invite.delegation).toMatchObject({ name: "United States of America", kind: "member_state" });
  });
});
