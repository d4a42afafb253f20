/**
 * The compilation of proposals on a version, against a real PostgreSQL: the
 * amendments pending when "Rev.1" was issued, each as it stands now
 * (accepted with a note, rejected with a reason, withdrawn), with their
 * co-sponsors, and those proposed on Rev.1's text since, until "Rev.2" was
 * issued; an amendment decided before Rev.1 is not an input to it. The Word
 * file holds the same rows in a landscape table. Another plan's version is
 * not found, and a disabled account reads nothing.
 */
import type { JSONContent } from "@tiptap/core";
import { beforeAll, describe, expect, it } from "vitest";
import { decideAmendment } from "@/lib/amendments/decide-amendment";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { ZDecideAmendment, ZProposeAmendment } from "@/lib/amendments/schemas";
import { setSponsorship, withdrawAmendment } from "@/lib/amendments/sponsor-amendment";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import type { CompilationParagraphRow } from "@/lib/versions/compilation";
import { createVersion } from "@/lib/versions/create-version";
import { exportCompilationDocx } from "@/lib/versions/export-compilation";
import { readCompilation } from "@/lib/versions/read-compilation";
import { ZCreateVersion } from "@/lib/versions/schemas";
import { createPlan, createUser } from "@/test/support/factories";
import { setUpSeedDialogue } from "@/test/support/integration-hooks";
import { readZipEntry } from "@/test/support/read-zip-entry";

const prisma = getPrisma();
const BLOCK = "resources.should-8";
let planId: string;
let bahrain: CurrentUser;
let ecuador: CurrentUser;
let peru: CurrentUser;
let facilitator: CurrentUser;
let observer: CurrentUser;
let rev1: string;
let rev2: string;
/** The amendments by their part in the story. */
const a: Record<string, { id: string; number: number }> = {};

function propose(actor: CurrentUser, input: Record<string, unknown>) {
  return proposeAmendment({
    actor,
    planId,
    input: ZProposeAmendment.parse({ sectionKey: "resources", blockId: BLOCK, rationale: "A reason.", ...input }),
  });
}

function decide(amendmentId: string, input: Record<string, unknown>) {
  return decideAmendment({ actor: facilitator, target: { planId, amendmentId }, input: ZDecideAmendment.parse(input) });
}

const issue = async (label: string) =>
  (await createVersion({ actor: facilitator, planId, input: ZCreateVersion.parse({ label }) })).id;

const paragraphRows = (rows: Awaited<ReturnType<typeof readCompilation>>["rows"]) =>
  rows.filter((row): row is CompilationParagraphRow => row.type === "paragraph");

const proposalsOf = async (versionId: string, viewer: CurrentUser = observer) =>
  paragraphRows((await readCompilation({ viewer, planId, versionId })).rows).flatMap((row) =>
    row.proposals.map((p) => ({ ...p, blockId: row.blockId })),
  );

setUpSeedDialogue();
beforeAll(async () => {
  ({ id: planId } = await createPlan());
  [bahrain, ecuador, peru, facilitator, observer] = await Promise.all([
    createUser({ role: "delegate", delegationName: "Bahrain" }),
    createUser({ role: "delegate", delegationName: "Ecuador" }),
    createUser({ role: "delegate", delegationName: "Peru" }),
    createUser({ role: "facilitator" }),
    createUser({ role: "observer" }),
  ]);
  // Decided before Rev.1: already in (or out of) its text, so not one of its inputs.
  a.early = await propose(peru, { kind: "replace", quote: { exact: "Map" }, newText: "Chart" });
  await decide(a.early.id, { decision: "reject", reason: "Settled in the zero draft." });
  a.accepted = await propose(bahrain, {
    kind: "replace",
    quote: { exact: "resources required" },
    newText: "predictable resources required",
  });
  await setSponsorship({ actor: ecuador, target: { planId, amendmentId: a.accepted.id }, isSponsoring: true });
  await setSponsorship({ actor: peru, target: { planId, amendmentId: a.accepted.id }, isSponsoring: true });
  a.rejected = await propose(ecuador, { kind: "delete", quote: { exact: "and how they may be mobilized" } });
  a.withdrawn = await propose(peru, { kind: "insert_after", quote: { exact: "mobilized" }, newText: "by 2012" });
  rev1 = await issue("Rev.1");
  // Proposed on Rev.1's text, during its round.
  a.since = await propose(ecuador, { kind: "insert_after", quote: { exact: "Map" }, newText: "and publish" });
  await decide(a.accepted.id, { decision: "accept", reason: "Agreed at the informal of 3 May." });
  await decide(a.rejected.id, { decision: "reject", reason: "Mobilization stays in the text." });
  await withdrawAmendment({ actor: peru, target: { planId, amendmentId: a.withdrawn.id } });
  rev2 = await issue("Rev.2");
  // Proposed on Rev.2: not an input to Rev.1.
  a.later = await propose(bahrain, { kind: "replace", quote: { exact: "Map" }, newText: "Assess" });
}, 120_000);

describe("readCompilation", () => {
  it("lists every paragraph of the version under its section's group row, with or without proposals", async () => {
    const { rows, version, plan } = await readCompilation({ viewer: observer, planId, versionId: rev1 });
    expect(version).toMatchObject({ id: rev1, label: "Rev.1", kind: "named" });
    expect(plan.id).toBe(planId);
    const sections = await prisma.planVersionSection.findMany({
      where: { versionId: rev1 },
      orderBy: { position: "asc" },
    });
    expect(rows.filter((row) => row.type === "section").map((row) => row.title)).toEqual(sections.map((s) => s.title));
    const passages = sections.flatMap((s) => readPassages(s.content as JSONContent));
    expect(paragraphRows(rows).map((row) => row.blockId)).toEqual(passages.map((p) => p.blockId));
    expect(paragraphRows(rows).filter((row) => row.proposals.length === 0).length).toBeGreaterThan(10);
  });

  it("holds the amendments pending at Rev.1 as they stand now, and those proposed on it until Rev.2, with co-sponsors and decisions", async () => {
    const proposals = await proposalsOf(rev1);
    expect(proposals.map((p) => p.number).sort((x, y) => x - y)).toEqual(
      [a.accepted, a.rejected, a.withdrawn, a.since].map((x) => x.number),
    );
    const byId = new Map(proposals.map((p) => [p.amendmentId, p]));
    expect(byId.get(a.accepted.id)).toMatchObject({
      blockId: BLOCK,
      kindLabel: "Replace",
      delegation: "Bahrain",
      sponsors: ["Ecuador", "Peru"],
      state: "accepted",
      decisionReason: "Agreed at the informal of 3 May.",
      isSinceVersion: false,
    });
    expect(byId.get(a.accepted.id)!.diff).toContainEqual({ type: "insert", text: "predictable " });
    expect(byId.get(a.rejected.id)).toMatchObject({
      delegation: "Ecuador",
      state: "rejected",
      decisionReason: "Mobilization stays in the text.",
    });
    expect(byId.get(a.withdrawn.id)).toMatchObject({ state: "withdrawn", delegation: "Peru" });
    expect(byId.get(a.since.id)).toMatchObject({ state: "pending", isSinceVersion: true, kindLabel: "Insert after" });
    // All under the one paragraph, by number.
    const row = paragraphRows((await readCompilation({ viewer: observer, planId, versionId: rev1 })).rows).find(
      (r) => r.blockId === BLOCK,
    )!;
    expect(row.text).toBe("Map the resources required and how they may be mobilized.");
    expect(row.proposals.map((p) => p.number)).toEqual(
      [a.accepted, a.rejected, a.withdrawn, a.since].map((x) => x.number),
    );
  });

  it("gives Rev.2 its own inputs: what was pending when it was issued and what was proposed on it since", async () => {
    const proposals = await proposalsOf(rev2);
    expect(proposals.map((p) => [p.number, p.state, p.isSinceVersion])).toEqual([
      [a.since.number, "pending", false],
      [a.later.number, "pending", true],
    ]);
    const { rows } = await readCompilation({ viewer: observer, planId, versionId: rev2 });
    // Rev.2's text has the accepted amendment in it.
    expect(paragraphRows(rows).find((r) => r.blockId === BLOCK)!.text).toBe(
      "Map the predictable resources required and how they may be mobilized.",
    );
  });

  it("does not find another plan's version, nor a version that does not exist; a disabled account reads nothing", async () => {
    const { id: otherPlanId } = await createPlan();
    await expect(readCompilation({ viewer: observer, planId: otherPlanId, versionId: rev1 })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(readCompilation({ viewer: observer, planId, versionId: "no-such-version" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      readCompilation({ viewer: { ...observer, disabledAt: new Date() }, planId, versionId: rev1 }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("exportCompilationDocx", () => {
  it("is a landscape Word table headed by the revision, holding each row's paragraph, proposals and decisions", async () => {
    const file = await exportCompilationDocx({ viewer: bahrain, planId, versionId: rev1 });
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(file.filename).toMatch(/-rev-1-compilation\.docx$/);
    const xml = readZipEntry(file.body, "word/document.xml");
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain("<w:tbl>");
    const text = decodeXml(xml);
    for (const expected of [
      "Compilation of proposals",
      "Rev.1",
      "Paragraph",
      "Facilitator's note and decision",
      "Map the resources required and how they may be mobilized.",
      `Amendment ${a.accepted.number}, Replace`,
      "Bahrain; co-sponsors: Ecuador, Peru",
      `Amendment ${a.accepted.number}: accepted`,
      "Agreed at the informal of 3 May.",
      `Amendment ${a.rejected.number}: rejected`,
      "Mobilization stays in the text.",
      `Amendment ${a.withdrawn.number}: withdrawn`,
      `Amendment ${a.since.number}: pending`,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain(`Amendment ${a.later.number},`);
    // The inserted words are marked up: bold and underlined.
    expect(xml).toMatch(/<w:b\/>.*?<w:u w:val="single"\/>.*?<w:t xml:space="preserve">predictable <\/w:t>/s);
    // Every paragraph of the version has its row, with or without proposals.
    const sections = await prisma.planVersionSection.findMany({ where: { versionId: rev1 } });
    for (const section of sections) expect(text).toContain(section.title);
  });
});

function decodeXml(xml: string): string {
  return xml
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
