/** Suspect links after a save: counted apart on the coverage board, re-confirmed (new fingerprint) or removed by a facilitator. */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { computeCoverage, countCoverage } from "@/lib/provenance/compute-coverage";
import { decideLink } from "@/lib/provenance/decide-link";
import { fingerprintPassage } from "@/lib/provenance/fingerprint";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { createPlan, createUser } from "@/test/support/factories";

const prisma = getPrisma();
let planId: string;
let facilitator: CurrentUser;

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  facilitator = await createUser({ role: "facilitator", name: "F" });
});

/** A summary item all of whose links are made suspect, as a save that changed their passages would. */
async function makeItemSuspect() {
  const link = await prisma.provenanceLink.findFirstOrThrow({
    where: { planId, status: "confirmed", summaryItemId: { not: null }, blockId: { not: "" } },
  });
  await prisma.provenanceLink.updateMany({
    where: { planId, summaryItemId: link.summaryItemId },
    data: { status: "suspect" },
  });
  return prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id }, include: { summaryItem: true } });
}

describe("suspect links", () => {
  it("are counted apart on the coverage board", async () => {
    const link = await makeItemSuspect();
    const coverage = await computeCoverage({ planId });
    const list = link.summaryItem!.list as keyof typeof coverage.lists;
    expect(coverage.lists[list].find((e) => e.id === link.summaryItemId)?.status).toBe("suspect");
    expect(countCoverage(coverage.lists[list]).suspect).toBeGreaterThanOrEqual(1);
  });

  it("are re-confirmed with a fingerprint of the passage as it now reads", async () => {
    const link = await makeItemSuspect();
    await decideLink({ actor: facilitator, planId, linkId: link.id, input: { decision: "confirm" } });
    const after = await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } });
    const section = await prisma.planSection.findUniqueOrThrow({ where: { id: link.sectionId } });
    const passage = section.text.split("\n").find((line) => line.includes(link.summaryItem!.text))!;
    expect(after).toMatchObject({
      status: "confirmed",
      confirmedById: facilitator.id,
      fingerprint: fingerprintPassage(passage),
    });
  });

  it("are removed on request, audited; a link that is not suspect cannot be removed", async () => {
    const link = await makeItemSuspect();
    await decideLink({ actor: facilitator, planId, linkId: link.id, input: { decision: "remove" } });
    expect((await prisma.provenanceLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("removed");
    expect(await prisma.auditLog.count({ where: { action: "provenance.remove", resourceId: link.id } })).toBe(1);
    const suggested = await prisma.provenanceLink.findFirstOrThrow({ where: { planId, status: "suggested" } });
    await expect(
      decideLink({ actor: facilitator, planId, linkId: suggested.id, input: { decision: "remove" } }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
