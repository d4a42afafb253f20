/**
 * Integration tests share one database per run, one file at a time. These
 * put it in a known state: nothing but the bundled 2009 dialogue.
 */
import { readFileSync } from "node:fs";
import { getPrisma } from "@/lib/db";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";

export const SEED_SOURCE = readFileSync("prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md", "utf8");
export const SEED_DIALOGUE_ID = "2009-05-13-taking-collective-action-to-end-human-trafficking";

/** Deletes plans, users and dialogues, in the order their foreign keys allow. */
export async function clearDatabase(): Promise<void> {
  const prisma = getPrisma();
  await prisma.plan.deleteMany();
  await prisma.user.deleteMany();
  await prisma.dialogue.deleteMany();
}

/** An empty database with the bundled dialogue imported. */
export async function resetToSeedDialogue(): Promise<void> {
  await clearDatabase();
  await importDialogue({
    prisma: getPrisma(),
    parsed: parseDialogue(SEED_SOURCE),
    sourceText: SEED_SOURCE,
    sourceName: "seed.md",
  });
}
