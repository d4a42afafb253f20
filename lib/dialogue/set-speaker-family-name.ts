/**
 * An admin corrects a speaker's family name where the rule
 * (family-name.ts) got it wrong, from the dialogue reader. It is stored
 * with the dialogue, and the dialogue is written again from its own text at
 * once, in one transaction: the speaker's statements take their new
 * addresses, their sources follow, and the old addresses become aliases.
 * Clearing it (null) goes back to the rule.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/validation/zod";
import { lockDialogue, syncDialogue } from "./import-dialogue";
import { parseDialogue } from "./parse-dialogue";

export const ZSpeakerFamilyName = z.object({
  familyName: z
    .string()
    .trim()
    .min(1, "Give the family name, or null to use the rule again.")
    .max(100)
    .regex(/[\p{L}\p{N}]/u, "A family name needs a letter.")
    .nullable(),
});

export async function setSpeakerFamilyName({
  actor,
  dialogueId,
  speakerId,
  input,
}: {
  actor: CurrentUser;
  dialogueId: string;
  speakerId: string;
  input: z.infer<typeof ZSpeakerFamilyName>;
}): Promise<{ speakerId: string; familyName: string | null; addresses: string[] }> {
  authorize(actor, "dialogue.readdress");
  return getPrisma().$transaction(
    async (tx) => {
      await lockDialogue(tx, dialogueId);
      const dialogue = await tx.dialogue.findUnique({
        where: { id: dialogueId },
        select: { sourceText: true, sourceName: true },
      });
      const speaker = await tx.speaker.findFirst({ where: { id: speakerId, dialogueId }, select: { id: true } });
      if (!dialogue || !speaker) throw new AppError("not_found", "No such speaker in this dialogue.");
      await tx.speaker.update({ where: { id: speakerId }, data: { familyName: input.familyName } });
      await syncDialogue(tx, {
        parsed: parseDialogue(dialogue.sourceText),
        sourceText: dialogue.sourceText,
        sourceName: dialogue.sourceName,
        actorId: actor.id,
        force: true,
      });
      const statements = await tx.statement.findMany({
        where: { speakerId },
        orderBy: { position: "asc" },
        select: { key: true },
      });
      return { speakerId, familyName: input.familyName, addresses: statements.map((statement) => statement.key) };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
