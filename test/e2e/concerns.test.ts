/** The concern register in Chromium: a facilitator marks a delegate's comment as a concern from the comment panel, addresses it with a passage on the register page, using the keyboard, and the page shows it addressed with the passage link; axe finds nothing serious. */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { createPlan } from "@/test/support/factories";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";
import { signInOverHttp, signInWithForm } from "@/test/support/sign-in";

const { baseUrl, hasServer } = setUpServedApp();
const browser = setUpBrowser();
const COMMENT = "Ecuador is concerned that victims' compensation is not funded.";
const PASSAGE = "resources.should-8";
let planId: string;

beforeAll(async () => {
  if (hasServer) ({ id: planId } = await createPlan());
});

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await findSeriousViolations(page)).toEqual([]);
}

describe.skipIf(!hasServer)("the concern register in the browser", () => {
  it("a facilitator marks a delegate's comment as a concern and addresses it with a passage", async () => {
    // The delegate's comment, as the delegate's own browser would post it.
    const delegate = await signInOverHttp(baseUrl, ACCOUNTS.delegate);
    const posted = await delegate.fetch(`/api/plans/${planId}/threads`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        sectionKey: "resources",
        blockId: PASSAGE,
        quote: { exact: "Map the resources required" },
        stance: "oppose",
        body: COMMENT,
      }),
    });
    expect(posted.status).toBe(201);

    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInWithForm(page, ACCOUNTS.facilitator);
    await page.goto(`/plans/${planId}`);
    const thread = page.locator("#resources [data-testid=comment-thread]", { hasText: COMMENT });
    await thread.waitFor({ timeout: 10_000 });
    await thread.getByRole("button", { name: /^Mark as concern/ }).click();
    const onRegister = thread.getByRole("link", { name: /^On the concern register \(#\d+\)$/ });
    await onRegister.waitFor({ timeout: 10_000 });
    const number = Number((await onRegister.textContent())!.match(/#(\d+)/)![1]);
    expect(number).toBeGreaterThan(3);
    const stored = await getPrisma().concern.findFirstOrThrow({
      where: { planId, number },
      include: { delegation: true },
    });
    expect(stored).toMatchObject({
      origin: "comment",
      status: "raised",
      text: COMMENT,
      delegation: { name: "Ecuador" },
    });

    // Along the link to the register: the entry is raised, from Ecuador.
    await onRegister.click();
    await page.waitForURL((url) => url.pathname === `/plans/${planId}/concerns`);
    const row = page.locator(`#concern-${number}`);
    await expect(row.getAttribute("data-status")).resolves.toBe("raised");
    await expect(row.textContent()).resolves.toContain("Ecuador");
    // A concern of the dialogue says where it is to be answered: the sections seeding linked to it.
    await expect(page.locator("#concern-1").getByTestId("concern-answer-in").textContent()).resolves.toMatch(
      /^To be answered in .*Relation to existing instruments/,
    );
    await expectNoSeriousViolations(page);

    // Address it from the keyboard: open the form, pick the section and the passage, submit.
    await row.getByRole("button", { name: `Address concern ${number}` }).focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: `Address concern ${number}` });
    await form.getByLabel("Section").selectOption({ label: "Resources" });
    await form.getByLabel("Passage that answers it").selectOption(PASSAGE);
    await form.getByRole("button", { name: "Save answer" }).focus();
    await page.keyboard.press("Enter");

    await page.locator(`#concern-${number}[data-status=addressed]`).waitFor({ timeout: 10_000 });
    const answer = row.getByTestId("concern-answer");
    await expect(answer.getAttribute("href")).resolves.toBe(`/plans/${planId}#passage-${PASSAGE}`);
    await expect(answer.textContent()).resolves.toBe("Resources");
    const delegateUser = await getPrisma().user.findUniqueOrThrow({ where: { email: ACCOUNTS.delegate } });
    expect(
      await getPrisma().notification.count({
        where: { userId: delegateUser.id, kind: "concern_addressed", resourceId: stored.id },
      }),
    ).toBe(1);

    // The filters and the summary agree with the change.
    await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "addressed" }).click();
    await page.waitForURL((url) => url.searchParams.get("status") === "addressed");
    await page.locator(`#concern-${number}`).waitFor();
    await expect(page.locator("[data-testid=concern-row][data-status=raised]").count()).resolves.toBe(0);
    await expectNoSeriousViolations(page);

    // The coverage board shows the register's state and links to it.
    await page.goto(`/plans/${planId}/coverage`);
    const block = page.getByTestId("coverage-concern-register");
    await expect(block.textContent()).resolves.toMatch(/\d+ addressed/);
    await expect(block.getByRole("link", { name: "Open the concern register" }).getAttribute("href")).resolves.toBe(
      `/plans/${planId}/concerns`,
    );
    await expectNoSeriousViolations(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows an observer the register without any action", async () => {
    const page = await browser.newPage(ACCOUNTS.observer);
    await page.goto(`/plans/${planId}/concerns`);
    await page.locator("[data-testid=concern-row]").first().waitFor();
    await expect(page.getByRole("button", { name: /^(Address|Note|Reopen)/ }).count()).resolves.toBe(0);
    await expect(page.getByRole("columnheader", { name: "Actions" }).count()).resolves.toBe(0);
    await expectNoSeriousViolations(page);
    await page.context().close();
  });
});
