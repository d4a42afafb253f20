/**
 * Rows the tests need, made one way everywhere: users as the lib functions
 * see them (CurrentUser, with their delegation), so a test never builds an
 * actor by hand; a plan of the test's own; threads and amendments through
 * the lib functions the routes call.
 */
import type { JSONContent } from "@tiptap/core";
import type { z } from "zod";
import { proposeAmendment } from "@/lib/amendments/propose-amendment";
import { ZProposeAmendment } from "@/lib/amendments/schemas";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { createThread as createThreadAs } from "@/lib/comments/create-thread";
import { ZCreateThread } from "@/lib/comments/schemas";
import { getPrisma } from "@/lib/db";
import { readPassages } from "@/lib/editor/passages";
import { toPlainText } from "@/lib/editor/plan-document";
import { SEED_TRANSACTION, writePlan } from "@/lib/plan/seed-plan";
import { kindedDocument } from "./kinded-paragraphs";
import { SEED_DIALOGUE_ID } from "./seed-database";

type UserOptions = {
  role: CurrentUser["role"];
  /** The delegation a delegate speaks for, by name, in the seed dialogue's annex (other dialogues have their own). */
  delegationName?: string;
  /** Shown beside their comments; by default the role and delegation. */
  name?: string;
  /** By default derived from the name when given (tests that mention users by email), otherwise unique. */
  email?: string;
  /** Lets them sign in with it; by default they cannot sign in at all. */
  password?: string;
};

/** A user of the role, and of the delegation when named, as an actor for lib functions. */
export async function createUser({ role, delegationName, name, email, password }: UserOptions): Promise<CurrentUser> {
  const prisma = getPrisma();
  const delegation = delegationName
    ? await prisma.delegation.findFirstOrThrow({ where: { name: delegationName, dialogueId: SEED_DIALOGUE_ID } })
    : null;
  const shownName = name ?? `${role} ${delegationName ?? ""}`.trim();
  const user = await prisma.user.create({
    data: {
      email:
        email ??
        (name ? `${name.toLowerCase().replace(/\W+/g, ".")}@test.local` : `${role}.${crypto.randomUUID()}@test.local`),
      name: shownName,
      role,
      passwordHash: password ? await hashPassword(password) : "x",
      delegationId: delegation?.id ?? null,
    },
  });
  return {
    ...user,
    delegation: delegation && { id: delegation.id, name: delegation.name, onBehalfOf: delegation.onBehalfOf },
  };
}

/** A plan of the test's own, seeded from the bundled dialogue as the demo plan is, so its writes meet no other file's. */
export async function createPlan({ dialogueId = SEED_DIALOGUE_ID }: { dialogueId?: string } = {}): Promise<{
  id: string;
}> {
  // The same writes as seeding, minus its one-plan-per-dialogue check; a plan takes a few seconds on a busy machine,
  // and the first connection may wait a few more (SEED_TRANSACTION: found failing in CI at Prisma's 2 s default).
  const { planId } = await getPrisma().$transaction((tx) => writePlan(tx, { dialogueId }), SEED_TRANSACTION);
  return { id: planId };
}

/**
 * A plan whose section `sectionKey` holds `count` operative paragraphs "Decides on point N of the plan" with block
 * ids op1…opN, stored before any editor opens it: numbered text for tests of paragraph-level changes.
 */
export async function createPlanWithOperativeParagraphs({
  sectionKey,
  count,
}: {
  sectionKey: string;
  count: number;
}): Promise<{ id: string }> {
  const plan = await createPlan();
  const content = kindedDocument(
    Array.from({ length: count }, (_, i) => [`op${i + 1}`, "operative", `Decides on point ${i + 1} of the plan`]),
  );
  await getPrisma().planSection.update({
    where: { planId_key: { planId: plan.id, key: sectionKey } },
    data: { content, text: toPlainText(content), ydoc: null },
  });
  return plan;
}

/** A demo account (or any user) by email, as the lib functions see them. */
export async function findUser(email: string): Promise<CurrentUser> {
  const user = await getPrisma().user.findUniqueOrThrow({
    where: { email },
    include: { delegation: { select: { id: true, name: true, onBehalfOf: true } } },
  });
  const { id, name, role, delegationId, delegation } = user;
  return { id, email, name, role, delegationId, delegation };
}

/** The first two words of a section's first passage, where comments and amendments can anchor. */
export async function findPassageStart({
  planId,
  sectionKey,
}: {
  planId: string;
  sectionKey: string;
}): Promise<{ blockId: string; exact: string }> {
  const { content } = await getPrisma().planSection.findFirstOrThrow({ where: { planId, key: sectionKey } });
  const passage = readPassages(content as JSONContent).find((candidate) => candidate.text)!;
  return { blockId: passage.blockId, exact: passage.text.split(" ").slice(0, 2).join(" ") };
}

/**
 * A comment thread `actor` opens, through the same lib function as the route: by default a supporting comment
 * on the first words of a resources passage.
 */
export async function createThread({
  actor,
  planId,
  ...input
}: { actor: CurrentUser; planId: string } & Partial<z.input<typeof ZCreateThread>>) {
  return createThreadAs({
    actor,
    planId,
    input: ZCreateThread.parse({
      sectionKey: "resources",
      blockId: "resources.should-8",
      quote: { exact: "Map the resources required" },
      stance: "support",
      body: "A comment.",
      ...input,
    }),
  });
}

/**
 * An amendment `actor` (a delegate) proposes, through the same lib function as the route: by default deleting the
 * first words of the section's first passage, "cross-cutting" unless `sectionKey` says otherwise.
 */
export async function createAmendment({
  actor,
  planId,
  sectionKey = "cross-cutting",
  at,
  newText,
  rationale = "An amendment.",
}: {
  actor: CurrentUser;
  planId: string;
  sectionKey?: string;
  /** The words to amend; by default the first two of the section's first passage. */
  at?: { blockId: string; exact: string };
  /** Replaces the words with this text; without it the amendment deletes them. */
  newText?: string;
  rationale?: string;
}): Promise<{ id: string; number: number }> {
  const { blockId, exact } = at ?? (await findPassageStart({ planId, sectionKey }));
  const target = { sectionKey, blockId, quote: { exact }, rationale };
  const input =
    newText === undefined ? { kind: "delete" as const, ...target } : { kind: "replace" as const, newText, ...target };
  return proposeAmendment({ actor, planId, input: ZProposeAmendment.parse(input) });
}
