/** Reads and parses a dialogue summary from disk. Node only. */
import { readFile, stat } from "node:fs/promises";
import { DialogueParseError } from "./dialogue-parse-error";
import { decodeDialogueBytes, MAX_DIALOGUE_BYTES } from "./decode-dialogue-bytes";
import { parseDialogue } from "./parse-dialogue";
import type { ParsedDialogue } from "./types";

export async function readDialogueFile(path: string): Promise<{ parsed: ParsedDialogue; sourceText: string }> {
  // Check the size before reading, so a huge file is refused without loading it.
  const { size } = await stat(path);
  if (size > MAX_DIALOGUE_BYTES) decodeDialogueBytes(new Uint8Array(size));
  const sourceText = decodeDialogueBytes(await readFile(path));
  return { parsed: parseDialogue(sourceText), sourceText };
}

/** "FILE:LINE: reason" for a parse error, or the plain message of any other error. */
export function formatDialogueError(path: string, error: unknown): string {
  if (error instanceof DialogueParseError) return `${path}:${error.line}: ${error.reason}`;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return `${path}:1: no such file`;
  if (code === "EISDIR") return `${path}:1: is a directory, not a file`;
  return `${path}:1: ${error instanceof Error ? error.message : String(error)}`;
}
