/**
 * The dialogue's annex mapped onto the roster (issue 21): "Korea" is the
 * Republic of Korea, UN bodies stay speakers' affiliations, and a database
 * from before the roster keeps its delegations' ids through the next import.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { slugify } from "@/lib/dialogue/text";
import { listRosterMembers } from "@/lib/dialogue/resolve-roster-name";
import { exportPlanFile } from "@/lib/export/export-plan-file";
import { importBackup } from "@/lib/export/import-backup";
import { listPlanSponsors } from "@/lib/plan/list-plan-sponsors";
import { setPlanSponsors } from "@/lib/plan/set-plan-sponsors";
import { createPlan, createThread, createUser } from "../support/factories";
import { setUpSeedDialogue } from "../support/integration-hooks";
import { clearDatabase, SEED_DIALOGUE_ID as ID, SEED_SOURCE } from "../support/seed-database";

setUpSeedDialogue();
const prisma = getPrisma();

function importSeed() {
  return importDialogue({ prisma, parsed: parseDialogue(SEED_SOURCE), sourceText: SEED_SOURCE, sourceName: "seed.md" });
}

describe("importing the 2009 dialogue onto the roster", () => {
  beforeEach(async () => {
    await clearDatabase();
  });

  it("maps Korea, Russia, USA and the Czech Republic for the EU, and keeps UN bodies as affiliations", async () => {
    const result = await importSeed();

    expect(result.roster.mapped).toEqual(
      expect.arrayContaining([
        { name: "Korea", rosterName: "Republic of Korea" },
        { name: "Russia", rosterName: "Russian Federation" },
        { name: "USA", rosterName: "United States of America" },
        { name: "Czech Republic", rosterName: "Czechia" },
        { name: "Sudan", rosterName: "Sudan" },
        { name: "Holy See", rosterName: "Holy See" },
      ]),
    );
    expect(result.roster.mapped).toHaveLength(52);
    expect(result.roster.unmapped).toEqual(["UNESCO", "WGTC"]);
    expect(result.counts.delegations).toBe(52);

    const annex = await prisma.delegation.findMany({ where: { dialogueId: ID, inAnnex: true } });
    const names = annex.map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining(["Republic of Korea", "Russian Federation", "United States of America"]),
    );
    expect(names).not.toEqual(expect.arrayContaining(["Korea"]));
    expect(names.filter((n) => /UNESCO|WGTC/.test(n))).toEqual([]);

    // The Czech Republic spoke for the EU: it is Czechia, and says so, as before.
    const czechia = annex.find((d) => d.name === "Czechia")!;
    expect(czechia).toMatchObject({ kind: "member_state", onBehalfOf: "EU", rosterKey: "czechia" });

    // The whole roster is there, so Portugal and Cabo Verde (the 2010 facilitators) can be invited or sponsor.
    expect(await prisma.delegation.count({ where: { dialogueId: ID } })).toBe(listRosterMembers().length);
    const caboVerde = await prisma.delegation.findFirstOrThrow({ where: { dialogueId: ID, name: "Cabo Verde" } });
    expect(caboVerde).toMatchObject({ kind: "member_state", inAnnex: false });
    const eu = await prisma.delegation.findFirstOrThrow({ where: { dialogueId: ID, name: "European Union" } });
    expect(eu).toMatchObject({ kind: "group", inAnnex: false });

    // UNODC's Executive Director speaks for no delegation; the affiliation keeps the name.
    const costa = await prisma.speaker.findFirstOrThrow({ where: { dialogueId: ID, name: { contains: "Costa" } } });
    expect(costa.delegationId).toBeNull();
    expect(costa.affiliation).toContain("UNODC");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "dialogue.import", resourceId: ID } });
    expect((audit.detail as { roster: { unmapped: string[] } }).roster.unmapped).toEqual(["UNESCO", "WGTC"]);
  });

  it("maps an older database in place: a Korea delegate keeps their delegation, now the Republic of Korea", async () => {
    await writePreRosterDialogue();
    const korean = await createUser({ role: "delegate", delegationName: "Korea" });
    const american = await createUser({ role: "delegate", delegationName: "USA" });
    const unesco = await createUser({ role: "delegate", delegationName: "UNESCO" });
    const plan = await createPlan();
    const thread = await createThread({ actor: american, planId: plan.id, body: "The USA supports this." });
    const koreaId = korean.delegationId!;
    expect(koreaId).toBe(`${ID}:delegation-korea`);

    // npm start imports the same text again: the old rosterVersion makes it map the delegations.
    const result = await importSeed();
    expect(result.status).toBe("updated");

    const korea = await prisma.delegation.findUniqueOrThrow({ where: { id: koreaId } });
    expect(korea).toMatchObject({ name: "Republic of Korea", kind: "member_state", inAnnex: true });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: korean.id }, include: { delegation: true } });
    expect(user.delegation?.name).toBe("Republic of Korea");
    const comment = await prisma.comment.findFirstOrThrow({
      where: { threadId: thread.id },
      include: { delegation: true },
    });
    expect(comment.delegationId).toBe(`${ID}:delegation-usa`);
    expect(comment.delegation?.name).toBe("United States of America");
    // No second Republic of Korea beside it.
    expect(await prisma.delegation.count({ where: { dialogueId: ID, name: "Republic of Korea" } })).toBe(1);

    // UNESCO is no delegation any more, but its delegate's account still holds: kept as "other", out of the annex.
    const unescoRow = await prisma.delegation.findUniqueOrThrow({ where: { id: unesco.delegationId! } });
    expect(unescoRow).toMatchObject({ name: "UNESCO", kind: "other", inAnnex: false });
    expect(await prisma.delegation.count({ where: { dialogueId: ID, inAnnex: true } })).toBe(52);

    // And the next start finds nothing to do.
    expect((await importSeed()).status).toBe("unchanged");
  });
});

describe("backups", () => {
  it("restores an older database's delegation ids and the plan's sponsors", async () => {
    await clearDatabase();
    await writePreRosterDialogue();
    const korean = await createUser({ role: "delegate", delegationName: "Korea", email: "korea@test.local" });
    await importSeed();
    const plan = await createPlan();
    const facilitator = await createUser({ role: "facilitator", email: "chair@test.local" });
    const caboVerde = await prisma.delegation.findFirstOrThrow({ where: { dialogueId: ID, name: "Cabo Verde" } });
    await setPlanSponsors({
      actor: facilitator,
      planId: plan.id,
      input: { delegationIds: [korean.delegationId!, caboVerde.id] },
    });
    const backup = (await exportPlanFile({ planId: plan.id, format: "backup" })).body.toString();

    await clearDatabase();
    await importBackup({ text: backup });
    // The restored rows carry the ids the backup refers to: "…:delegation-korea" is the Republic of Korea.
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "korea@test.local" },
      include: { delegation: true },
    });
    expect(user.delegation).toMatchObject({ id: `${ID}:delegation-korea`, name: "Republic of Korea", inAnnex: true });
    expect((await listPlanSponsors({ planId: plan.id })).map((s) => s.name)).toEqual([
      "Republic of Korea",
      "Cabo Verde",
    ]);
  });
});

describe("mentions", () => {
  it("finds a delegation by a name the roster knows it by: @usa, @korea", async () => {
    await clearDatabase();
    await importSeed();
    const plan = await createPlan();
    const facilitator = await createUser({ role: "facilitator" });
    const thread = await createThread({ actor: facilitator, planId: plan.id, body: "@usa and @korea, a question." });
    const mentions = await prisma.commentMention.findMany({
      where: { comment: { threadId: thread.id } },
      include: { delegation: true },
    });
    expect(mentions.map((m) => m.delegation?.name).sort()).toEqual(["Republic of Korea", "United States of America"]);
  });
});

/** The dialogue as imports before the roster wrote it: the 54 annex names as they stand, rosterVersion 0. */
async function writePreRosterDialogue(): Promise<void> {
  await importSeed();
  await prisma.speaker.updateMany({ where: { dialogueId: ID }, data: { delegationId: null } });
  await prisma.delegation.deleteMany({ where: { dialogueId: ID } });
  const annex = parseDialogue(SEED_SOURCE).delegations;
  await prisma.delegation.createMany({
    data: annex.map((d, position) => ({
      id: `${ID}:delegation-${slugify(d.name)}`,
      dialogueId: ID,
      key: `delegation-${slugify(d.name)}`,
      name: d.name,
      onBehalfOf: d.onBehalfOf,
      position,
    })),
  });
  await prisma.dialogue.update({ where: { id: ID }, data: { rosterVersion: 0 } });
}
