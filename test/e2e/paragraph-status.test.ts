/**
 * Paragraph status and brackets in Chromium against `next start` and the real
 * collaboration server (the route's refusals over HTTP are in
 * paragraph-status-api.test.ts, which counts every table). A facilitator replaces a phrase with two
 * alternatives tagged with delegations, is refused `agreed` while they stand
 * (the message names them), marks the paragraph agreed ad ref, and an
 * observer's page shows the badge live; the status board counts it and the
 * open bracket. Axe passes on the plan page and the board.
 */
import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { waitFor } from "@/test/support/collab";
import { createPlan } from "@/test/support/factories";
import { insertAlternatives } from "@/test/support/negotiation-ui";
import { openPlanAs, selectInPassage } from "@/test/support/plan-page";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer } = setUpServedApp();
const browser = setUpBrowser();
const SECTION = "resources";
let planId: string;
let sectionId: string;
/** A paragraph of the section with a few words, and the two words the facilitator brackets. */
let target: { blockId: string; phrase: string };

beforeAll(async () => {
  if (!hasServer) return;
  ({ id: planId } = await createPlan());
  const section = await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: SECTION } });
  sectionId = section.id;
  const passage = readPassages(section.content as JSONContent).find(
    (p) => p.type === "paragraph" && p.text.split(" ").length > 4,
  )!;
  target = { blockId: passage.blockId, phrase: passage.text.split(" ").slice(1, 3).join(" ") };
});

describe.skipIf(!hasServer)("brackets and status in the browser", () => {
  it("a facilitator brackets a phrase with alternatives and marks the paragraph agreed ad ref; an observer sees it live", async () => {
    const delegations = await getPrisma().delegation.findMany({
      where: { dialogueId: SEED_DIALOGUE_ID },
      orderBy: { position: "asc" },
      take: 3,
    });
    const [facilitator, observer] = await Promise.all([
      openPlanAs(browser, { planId, email: ACCOUNTS.facilitator, sectionKey: SECTION }),
      openPlanAs(browser, { planId, email: ACCOUNTS.observer, sectionKey: SECTION }),
    ]);
    const section = facilitator.locator(`#${SECTION}`);
    await selectInPassage(facilitator, { sectionKey: SECTION, ...target, text: target.phrase });
    const printed = await insertAlternatives(facilitator, SECTION, [
      { text: "all Member States", heldBy: [delegations[0].id, delegations[1].id] },
      { text: "States parties", heldBy: [delegations[2].id] },
    ]);
    await observer.locator(`#${SECTION} .bracket-alternatives`, { hasText: printed }).waitFor();
    // Set on the stored text: wait until the collaboration server has saved the alternatives.
    await waitFor(
      async () =>
        JSON.stringify(
          (await getPrisma().planSection.findUniqueOrThrow({ where: { id: sectionId } })).content,
        ).includes("States parties"),
      "the alternatives are stored",
    );

    await section.locator(`.ProseMirror [data-block-id="${target.blockId}"]`).click();
    const panel = section.getByTestId("paragraph-status-control");
    await panel.getByLabel("Set status").selectOption("agreed");
    await panel.getByRole("status").filter({ hasText: printed }).waitFor();
    expect(await getPrisma().paragraphStatus.count({ where: { sectionId } })).toBe(0);
    await panel.getByLabel("Set status").selectOption("agreed ad ref");
    await panel.getByRole("status").filter({ hasText: "Marked agreed ad ref." }).waitFor();

    const badge = (page: typeof observer) =>
      page.locator(`#${SECTION} [data-block-id="${target.blockId}"] [data-testid="paragraph-status"]`);
    await badge(observer).filter({ hasText: "Agreed ad ref" }).waitFor({ timeout: 15_000 });
    await badge(facilitator).filter({ hasText: "Agreed ad ref" }).waitFor();
    expect(await findSeriousViolations(facilitator)).toEqual([]);

    await observer.goto(`/plans/${planId}/status`);
    const row = observer.getByTestId("status-row").filter({ hasText: "Resources" });
    await expect(row.textContent()).resolves.toMatch(/1 agreed ad ref; 1 open bracket\b/);
    expect(await findSeriousViolations(observer)).toEqual([]);
  });
});
