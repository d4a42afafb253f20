/**
 * A dialogue summary uploaded through the app (facilitators and admins):
 * the same checks and import as `npm run dialogue -- import`, so a bad file
 * is refused naming its line ("summary.md:15: …") and nothing is written,
 * and uploading a corrected version updates the dialogue in place.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeDialogueBytes } from "./decode-dialogue-bytes";
import { DialogueParseError } from "./dialogue-parse-error";
import { importDialogue } from "./import-dialogue";
import type { ImportResult } from "./import-dialogue";
import { parseDialogue } from "./parse-dialogue";

export async function importUploadedDialogue({
  actor,
  bytes,
  fileName,
}: {
  actor: CurrentUser;
  bytes: Uint8Array;
  fileName: string;
}): Promise<ImportResult & { title: string }> {
  authorize(actor, "dialogue.import");
  let parsed;
  let sourceText;
  try {
    sourceText = decodeDialogueBytes(bytes);
    parsed = parseDialogue(sourceText);
  } catch (error) {
    if (!(error instanceof DialogueParseError)) throw error;
    throw new AppError("invalid", `${fileName}:${error.line}: ${error.reason}`, { field: "file", line: error.line });
  }
  const result = await importDialogue({
    prisma: getPrisma(),
    parsed,
    sourceText,
    sourceName: fileName,
    actorId: actor.id,
  });
  return { ...result, title: parsed.topic ?? parsed.title };
}
