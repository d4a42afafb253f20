/**
 * The draft's sponsors (issue 21): facilitators set them (audited), nobody
 * else can, any roster member may sponsor, and every export prints them
 * under the title as the UN does ("Portugal and Cabo Verde: draft resolution").
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { buildExportDocument } from "@/lib/export/build-export-document";
import { exportPlanJson } from "@/lib/export/export-plan-json";
import { renderDocx } from "@/lib/export/render-docx";
import { renderHtml } from "@/lib/export/render-html";
import { renderMarkdown } from "@/lib/export/render-markdown";
import { listPlanSponsors } from "@/lib/plan/list-plan-sponsors";
import { ZSetSponsors } from "@/lib/plan/sponsor-schemas";
import { setPlanSponsors } from "@/lib/plan/set-plan-sponsors";
import { createPlan, createUser } from "../support/factories";
import { setUpSeedDialogue } from "../support/integration-hooks";
import { readZipEntry } from "../support/read-zip-entry";
import { countRows } from "../support/row-counts";
import { SEED_DIALOGUE_ID } from "../support/seed-database";

setUpSeedDialogue();
const prisma = getPrisma();
let planId: string;
let facilitator: CurrentUser;
let delegate: CurrentUser;
let portugal: string;
let caboVerde: string;

const idOf = async (name: string) =>
  (await prisma.delegation.findFirstOrThrow({ where: { dialogueId: SEED_DIALOGUE_ID, name } })).id;
const sponsorNames = async () => (await listPlanSponsors({ planId })).map((s) => s.name);

beforeAll(async () => {
  ({ id: planId } = await createPlan());
  facilitator = await createUser({ role: "facilitator" });
  delegate = await createUser({ role: "delegate", delegationName: "Ecuador" });
  [portugal, caboVerde] = [await idOf("Portugal"), await idOf("Cabo Verde")];
});

describe("setPlanSponsors", () => {
  it("lets a facilitator name sponsors from the whole roster, in order, audited", async () => {
    const { sponsors } = await setPlanSponsors({
      actor: facilitator,
      planId,
      input: { delegationIds: [portugal, caboVerde] },
    });
    // Cabo Verde is not in the 2009 annex: any roster member may sponsor.
    expect(sponsors.map((s) => s.name)).toEqual(["Portugal", "Cabo Verde"]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "plan.sponsors", resourceId: planId },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({
      userId: facilitator.id,
      detail: { added: ["Portugal", "Cabo Verde"], removed: [], sponsors: ["Portugal", "Cabo Verde"] },
    });
  });

  it("refuses a delegate (403), writing nothing", async () => {
    const before = await countRows(prisma);
    await expect(
      setPlanSponsors({ actor: delegate, planId, input: { delegationIds: [delegate.delegationId!] } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await countRows(prisma)).toEqual(before);
    expect(await sponsorNames()).toEqual(["Portugal", "Cabo Verde"]);
  });

  it("refuses a delegation not on the plan's roster (400 naming the field), writing nothing", async () => {
    const before = await countRows(prisma);
    await expect(
      setPlanSponsors({ actor: facilitator, planId, input: { delegationIds: [portugal, "no-such-delegation"] } }),
    ).rejects.toMatchObject({ code: "invalid", details: { field: "delegationIds" } });
    expect(await countRows(prisma)).toEqual(before);
    expect(await sponsorNames()).toEqual(["Portugal", "Cabo Verde"]);
    expect(ZSetSponsors.safeParse({ delegationIds: [portugal, portugal] }).success).toBe(false);
    expect(ZSetSponsors.safeParse({ delegationIds: "Portugal" }).success).toBe(false);
  });

  it("removes a sponsor, recording who was removed", async () => {
    await setPlanSponsors({ actor: facilitator, planId, input: { delegationIds: [caboVerde] } });
    expect(await sponsorNames()).toEqual(["Cabo Verde"]);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "plan.sponsors", resourceId: planId },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.detail).toMatchObject({ added: [], removed: ["Portugal"] });
    await setPlanSponsors({ actor: facilitator, planId, input: { delegationIds: [portugal, caboVerde] } });
  });
});

describe("sponsors on export", () => {
  it("prints a plan's sponsors under its title in Markdown, HTML (PDF), DOCX and JSON", async () => {
    const document = await buildExportDocument({ planId });
    expect(document.sponsors).toEqual(["Portugal", "Cabo Verde"]);
    expect(renderMarkdown({ document })).toContain("Sponsored by Portugal and Cabo Verde");
    expect(renderHtml({ document })).toContain('<p class="sponsors">Sponsored by Portugal and Cabo Verde</p>');
    const docx = readZipEntry(await renderDocx({ document }), "word/document.xml");
    expect(docx).toContain("Sponsored by Portugal and Cabo Verde");
    const json = await exportPlanJson({ planId });
    expect(json.plan.sponsors).toEqual([
      { id: portugal, name: "Portugal" },
      { id: caboVerde, name: "Cabo Verde" },
    ]);
  });

  it("prints a resolution's as the UN does: “Portugal and Cabo Verde: draft resolution”", async () => {
    await prisma.plan.update({ where: { id: planId }, data: { templateKey: "ga-resolution" } });
    const document = await buildExportDocument({ planId });
    const markdown = renderMarkdown({ document });
    expect(markdown).toContain("Portugal and Cabo Verde: draft resolution");
    // Under the title.
    expect(markdown.indexOf("Portugal and Cabo Verde")).toBeGreaterThan(markdown.indexOf(`# ${document.title}`));
    const docx = readZipEntry(await renderDocx({ document }), "word/document.xml");
    expect(docx).toContain("Portugal and Cabo Verde: draft resolution");
  });
});
