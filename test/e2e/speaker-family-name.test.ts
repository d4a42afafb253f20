/**
 * An admin corrects a speaker's family name where the rule got it wrong:
 * PATCH /api/dialogues/[id]/speakers/[speakerId] and its form in the reader.
 * The statements take new addresses, the old ones keep working, and every
 * other role is refused with nothing written. On a dialogue of the file's own (a fixture of the family), so no
 * other file sees its addresses change; it is put back after each test.
 */
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { ACCOUNTS } from "@/test/support/accounts";
import { findSeriousViolations } from "@/test/support/axe";
import { jsonRequest } from "@/test/support/http";
import { setUpBrowser, setUpServedApp } from "@/test/support/served-app";

const { hasServer, baseUrl, sessions } = setUpServedApp({
  accounts: ["admin", "facilitator", "delegate", "observer"],
});
const browser = setUpBrowser();
const DIALOGUE_FILE = "test/fixtures/dialogues/ga-dialogue-2015-migration.md";
let dialogueId: string;

beforeAll(async () => {
  if (!hasServer) return;
  const input = await readDialogueFile(DIALOGUE_FILE);
  ({ dialogueId } = await importDialogue({ prisma: getPrisma(), ...input, sourceName: path.basename(DIALOGUE_FILE) }));
});

/** The Vice-Minister of Ecuador: the rule takes the paternal name of his Hispanic pair, "Alvarado". */
async function alvarado() {
  return getPrisma().speaker.findFirstOrThrow({
    where: { dialogueId, name: "Rodrigo Alvarado Pinto" },
    include: { statements: { select: { key: true } } },
  });
}

function patch(session: (typeof sessions)["admin"] | null, speakerId: string, body: unknown) {
  const url = `/api/dialogues/${dialogueId}/speakers/${speakerId}`;
  const init = { ...jsonRequest(body), method: "PATCH" };
  return session ? session.fetch(url, init) : fetch(`${baseUrl}${url}`, init);
}

afterEach(async () => {
  if (!hasServer) return;
  const speaker = await alvarado();
  if (speaker.familyName !== null) await patch(sessions.admin, speaker.id, { familyName: null });
  await getPrisma().addressAlias.deleteMany({ where: { dialogueId } });
});

describe.skipIf(!hasServer)("PATCH /api/dialogues/[id]/speakers/[speakerId]", () => {
  it("refuses without a session, for every role but admin, a blank name and an unknown speaker, writing nothing", async () => {
    const { id } = await alvarado();
    expect((await patch(null, id, { familyName: "Alvarado Pinto" })).status).toBe(401);
    for (const role of ["facilitator", "delegate", "observer"] as const)
      expect((await patch(sessions[role], id, { familyName: "Alvarado Pinto" })).status).toBe(403);
    const blank = await patch(sessions.admin, id, { familyName: " " });
    expect(blank.status).toBe(400);
    await expect(blank.json()).resolves.toMatchObject({ field: "familyName" });
    expect((await patch(sessions.admin, "no-such-speaker", { familyName: "Alvarado" })).status).toBe(404);
    expect(await alvarado()).toMatchObject({ familyName: null, statements: [{ key: "panel-2.alvarado" }] });
    expect(await getPrisma().addressAlias.count({ where: { dialogueId } })).toBe(0);
  });

  it("re-addresses the speaker's statements for an admin, keeps the old address as an alias, and goes back", async () => {
    const { id } = await alvarado();
    const response = await patch(sessions.admin, id, { familyName: "Alvarado Pinto" });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toMatchObject({ addresses: ["panel-2.alvarado-pinto"] });
    expect(await alvarado()).toMatchObject({
      familyName: "Alvarado Pinto",
      statements: [{ key: "panel-2.alvarado-pinto" }],
    });
    expect(await getPrisma().addressAlias.findMany({ where: { dialogueId }, select: { oldKey: true } })).toEqual([
      { oldKey: "panel-2.alvarado" },
    ]);

    expect((await patch(sessions.admin, id, { familyName: null })).status).toBe(200);
    expect(await alvarado()).toMatchObject({ familyName: null, statements: [{ key: "panel-2.alvarado" }] });
    const aliases = await getPrisma().addressAlias.findMany({
      where: { dialogueId },
      select: { oldKey: true, newKey: true },
    });
    expect(aliases).toEqual([{ oldKey: "panel-2.alvarado-pinto", newKey: "panel-2.alvarado" }]);
  });
});

describe.skipIf(!hasServer)("the reader's family-name form", () => {
  it("lets an admin correct a family name and lands on the new address; others see no form", async () => {
    const admin = await browser.newPage(ACCOUNTS.admin);
    await admin.goto(`/dialogues/${dialogueId}#panel-2.alvarado`);
    const card = admin.locator('[id="panel-2.alvarado"]');
    await card.getByRole("button", { name: "Family name… of Rodrigo Alvarado Pinto" }).click();
    const form = admin.getByRole("form", { name: "Family name of Rodrigo Alvarado Pinto" });
    await form.getByLabel("Family name of Rodrigo Alvarado Pinto").fill("Alvarado Pinto");
    await form.getByRole("button", { name: "Save" }).click();
    await admin.locator('[id="panel-2.alvarado-pinto"]').waitFor();
    await expect
      .poll(() => admin.evaluate(() => window.location.hash), { timeout: 10_000 })
      .toBe("#panel-2.alvarado-pinto");
    expect(await findSeriousViolations(admin)).toEqual([]);
    await admin.context().close();

    const facilitator = await browser.newPage(ACCOUNTS.facilitator);
    await facilitator.goto(`/dialogues/${dialogueId}`);
    await facilitator.locator('[id="opening.sealy"]').waitFor();
    await expect(facilitator.getByRole("button", { name: /^Family name…/ }).count()).resolves.toBe(0);
    await facilitator.context().close();
  });
});
