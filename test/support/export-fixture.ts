/**
 * A seeded plan with something in every table an export carries: an inline
 * citation of a sentence (speaker, role, segment), a confirmed amendment
 * link, threads (one facilitators-only) with a mention, an amendment with a
 * co-sponsor, a concern from a comment, an exclusion, a paragraph agreed ad ref, a Yjs state and a
 * version "Rev.1" whose text differs from the live draft.
 */
import type { JSONContent } from "@tiptap/core";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createThread } from "@/lib/comments/create-thread";
import { ZCreateThread } from "@/lib/comments/schemas";
import { markThreadAsConcern } from "@/lib/concerns/mark-thread-as-concern";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { ZProposeAmendment } from "@/lib/amendments/schemas";
import { setSponsorship } from "@/lib/amendments/sponsor-amendment";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { setParagraphStatus } from "@/lib/plan/set-paragraph-status";
import { seedPlan } from "@/lib/plan/seed-plan";
import { excludeFromCoverage } from "@/lib/provenance/exclude-from-coverage";
import { createVersion } from "@/lib/versions/create-version";
import { SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import { createUser } from "./factories";

export const VERSION_ONLY_TEXT = "Text that only version Rev.1 holds.";

export type TExportFixture = {
  planId: string;
  /** The sentence the inline citation quotes, and who said it. */
  cited: { quote: string; speaker: string; affiliation: string | null; segment: string };
  people: Record<"admin" | "facilitator" | "ecuador" | "bahrain" | "observer", CurrentUser>;
  hiddenThreadBody: string;
};

/** Builds the fixture on a database holding only the seed dialogue. */
export async function buildExportFixture(): Promise<TExportFixture> {
  const prisma = getPrisma();
  const { planId } = await seedPlan({ dialogueId: SEED_DIALOGUE_ID });
  const people = {
    admin: await createUser({ role: "admin", email: "admin@export.test" }),
    facilitator: await createUser({ role: "facilitator", email: "facilitator@export.test" }),
    ecuador: await createUser({ role: "delegate", email: "ecuador@export.test", delegationName: "Ecuador" }),
    bahrain: await createUser({ role: "delegate", email: "bahrain@export.test", delegationName: "Bahrain" }),
    observer: await createUser({ role: "observer", email: "observer@export.test" }),
  };

  // Cite a statement's sentence inline in the first passage of "principles", confirmed by the facilitator.
  const section = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "principles" } });
  const content = structuredClone(section.content) as JSONContent;
  const block = readPassages(content)[0];
  const sentence = await prisma.sentence.findFirstOrThrow({
    where: { dialogueId: SEED_DIALOGUE_ID, statement: { segment: { kind: "panel" } } },
    orderBy: { id: "asc" },
    include: { statement: { include: { speaker: true, segment: true } } },
  });
  const link = await prisma.provenanceLink.create({
    data: {
      planId,
      sectionId: section.id,
      blockId: block.blockId,
      quoteExact: block.text,
      targetType: "statement",
      targetKey: `sentence:${sentence.id}`,
      statementId: sentence.statementId,
      sentenceId: sentence.id,
      relation: "quotes",
      status: "confirmed",
      cited: true,
      createdById: people.facilitator.id,
      confirmedById: people.facilitator.id,
      confirmedAt: new Date(),
    },
  });
  const insertCitation = (node: JSONContent): boolean => {
    if (node.attrs?.blockId === block.blockId) {
      const target = node.type === "listItem" ? node.content![0] : node;
      target.content = [...(target.content ?? []), { type: "citation", attrs: { linkId: link.id } }];
      return true;
    }
    return (node.content ?? []).some(insertCitation);
  };
  insertCitation(content);
  await prisma.planSection.update({
    where: { id: section.id },
    data: { content, ydoc: Buffer.from([1, 2, 3, 250, 0, 7]) },
  });

  // A thread for everyone (mentioning Bahrain), one for facilitators only, marked as a concern.
  const resources = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "resources" } });
  const passage = readPassages(resources.content as JSONContent)[1];
  const quote = { exact: passage.text.slice(0, 30) };
  await createThread({
    actor: people.ecuador,
    planId,
    input: ZCreateThread.parse({
      sectionKey: "resources",
      blockId: passage.blockId,
      quote,
      stance: "support",
      body: "We agree, with @bahrain.",
    }),
  });
  const hiddenThreadBody = "Facilitators only: hold this until the informal consultations.";
  const hidden = await createThread({
    actor: people.facilitator,
    planId,
    input: ZCreateThread.parse({
      sectionKey: "resources",
      blockId: passage.blockId,
      quote,
      stance: "question",
      visibility: "facilitators",
      body: hiddenThreadBody,
    }),
  });
  await markThreadAsConcern({ actor: people.facilitator, planId, input: { threadId: hidden.id } });

  // An amendment by Ecuador, co-sponsored by Bahrain, and a confirmed link to it.
  const amendment = await proposeAmendment({
    actor: people.ecuador,
    planId,
    input: ZProposeAmendment.parse({
      kind: "replace",
      sectionKey: "resources",
      blockId: passage.blockId,
      quote,
      newText: "Mobilize new resources",
      rationale: "Clearer.",
    }),
  });
  const amendmentId = amendment.id;
  await setSponsorship({ actor: people.bahrain, target: { planId, amendmentId }, isSponsoring: true });
  await prisma.provenanceLink.create({
    data: {
      planId,
      sectionId: resources.id,
      blockId: passage.blockId,
      quoteExact: passage.text,
      targetType: "amendment",
      targetKey: `amendment:${amendmentId}`,
      amendmentId,
      relation: "derived_from",
      status: "confirmed",
      confirmedById: people.facilitator.id,
      confirmedAt: new Date(),
    },
  });

  const speaker = await prisma.speaker.findFirstOrThrow({
    where: { dialogueId: SEED_DIALOGUE_ID },
    orderBy: { id: "asc" },
  });
  await excludeFromCoverage({
    actor: people.facilitator,
    planId,
    input: { targetType: "speaker", targetId: speaker.id, reason: "Procedural remarks only." },
  });
  // A paragraph agreed ad ref, which a backup carries and a restore brings back.
  const principles = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "principles" } });
  await setParagraphStatus({
    actor: people.facilitator,
    planId,
    sectionId: principles.id,
    blockId: readPassages(principles.content as JSONContent)[0].blockId,
    input: { status: "agreed ad ref" },
  });

  // Version "Rev.1", taken the way facilitators take one, while "objectives" held a passage the live draft then loses.
  const objectives = await prisma.planSection.findFirstOrThrow({ where: { planId, key: "objectives" } });
  const versionOnly = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        attrs: { blockId: "objectives.rev1" },
        content: [{ type: "text", text: VERSION_ONLY_TEXT }],
      },
    ],
  };
  await prisma.planSection.update({
    where: { id: objectives.id },
    data: { content: versionOnly, text: VERSION_ONLY_TEXT },
  });
  await createVersion({ actor: people.facilitator, planId, input: { label: "Rev.1" } });
  await prisma.planSection.update({
    where: { id: objectives.id },
    data: { content: objectives.content as object, text: objectives.text },
  });
  return {
    planId,
    people,
    hiddenThreadBody,
    cited: {
      quote: sentence.text,
      speaker: sentence.statement.speaker.name,
      affiliation: sentence.statement.speaker.affiliation,
      segment: sentence.statement.segment.title,
    },
  };
}
