/**
 * An admin corrects a speaker's family name where the rule got it wrong:
 * PATCH /api/dialogues/[id]/speakers/[speakerId] and its form in the reader.
 * The statements take new addresses, the old ones keep working, and every
 * other role is refused with nothing written. The dialogue is put back after.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { jsonRequest } from "@/test/support/http";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer, baseUrl, sessions } = setUpServedApp({
  accounts: ["admin", "facilitator", "delegate", "observer"],
});
const browser = setUpBrowser();
const SPEAKER_KEY = "speaker-antonio-maria-costa";

async function costa() {
  return getPrisma().speaker.findFirstOrThrow({
    where: { dialogueId: SEED_DIALOGUE_ID, key: SPEAKER_KEY },
    include: { statements: { select: { key: true } } },
  });
}

function patch(session: (typeof sessions)["admin"] | null, speakerId: string, body: unknown) {
  const path = `/api/dialogues/${SEED_DIALOGUE_ID}/speakers/${speakerId}`;
  const init = { ...jsonRequest(body), method: "PATCH" };
  return session ? session.fetch(path, init) : fetch(`${baseUrl}${path}`, init);
}

afterEach(async () => {
  if (!hasServer) return;
  const speaker = await costa();
  if (speaker.familyName !== null) await patch(sessions.admin, speaker.id, { familyName: null });
  await getPrisma().addressAlias.deleteMany({ where: { dialogueId: SEED_DIALOGUE_ID } });
});

describe.skipIf(!hasServer)("PATCH /api/dialogues/[id]/speakers/[speakerId]", () => {
  it("refuses without a session, for every role but admin, a blank name and an unknown speaker, writing nothing", async () => {
    const { id } = await costa();
    expect((await patch(null, id, { familyName: "Maria Costa" })).status).toBe(401);
    for (const role of ["facilitator", "delegate", "observer"] as const)
      expect((await patch(sessions[role], id, { familyName: "Maria Costa" })).status).toBe(403);
    const blank = await patch(sessions.admin, id, { familyName: " " });
    expect(blank.status).toBe(400);
    await expect(blank.json()).resolves.toMatchObject({ field: "familyName" });
    expect((await patch(sessions.admin, "no-such-speaker", { familyName: "Costa" })).status).toBe(404);
    expect(await costa()).toMatchObject({ familyName: null, statements: [{ key: "opening.costa" }] });
    expect(await getPrisma().addressAlias.count()).toBe(0);
  });

  it("re-addresses the speaker's statements for an admin, keeps the old address as an alias, and goes back", async () => {
    const { id } = await costa();
    const response = await patch(sessions.admin, id, { familyName: "Maria Costa" });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ addresses: ["opening.maria-costa"] });
    expect(await costa()).toMatchObject({ familyName: "Maria Costa", statements: [{ key: "opening.maria-costa" }] });
    expect(
      await getPrisma().addressAlias.findMany({ where: { dialogueId: SEED_DIALOGUE_ID }, select: { oldKey: true } }),
    ).toEqual([{ oldKey: "opening.costa" }]);

    expect((await patch(sessions.admin, id, { familyName: null })).status).toBe(200);
    expect(await costa()).toMatchObject({ familyName: null, statements: [{ key: "opening.costa" }] });
    const aliases = await getPrisma().addressAlias.findMany({
      where: { dialogueId: SEED_DIALOGUE_ID },
      select: { oldKey: true, newKey: true },
    });
    expect(aliases).toEqual([{ oldKey: "opening.maria-costa", newKey: "opening.costa" }]);
  });
});

describe.skipIf(!hasServer)("the reader's family-name form", () => {
  it("lets an admin correct a family name and lands on the new address; others see no form", async () => {
    const admin = await browser.newPage(ACCOUNTS.admin);
    await admin.goto(`/dialogues/${SEED_DIALOGUE_ID}#opening.costa`);
    const card = admin.locator('[id="opening.costa"]');
    await card.getByRole("button", { name: "Family name… of Antonio Maria Costa" }).click();
    const form = admin.getByRole("form", { name: "Family name of Antonio Maria Costa" });
    await form.getByLabel("Family name of Antonio Maria Costa").fill("Maria Costa");
    await form.getByRole("button", { name: "Save" }).click();
    await admin.locator('[id="opening.maria-costa"]').waitFor();
    await expect
      .poll(() => admin.evaluate(() => window.location.hash), { timeout: 10_000 })
      .toBe("#opening.maria-costa");
    expect(await findSeriousViolations(admin)).toEqual([]);
    await admin.context().close();

    const facilitator = await browser.newPage(ACCOUNTS.facilitator);
    await facilitator.goto(`/dialogues/${SEED_DIALOGUE_ID}`);
    await facilitator.locator('[id="opening.ban"]').waitFor();
    await expect(facilitator.getByRole("button", { name: /^Family name…/ }).count()).resolves.toBe(0);
    await facilitator.context().close();
  });
});
