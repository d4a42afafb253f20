/** Checks the raw bytes of an uploaded or read document before parsing. */
import { DialogueParseError } from "./dialogue-parse-error";

/** The largest document we accept; a summary is a few dozen kilobytes. */
export const MAX_DIALOGUE_BYTES = 2 * 1024 * 1024;

/**
 * Decodes UTF-8 text. Refuses files over MAX_DIALOGUE_BYTES, binary files
 * (NUL bytes) and invalid UTF-8, naming the line of the first bad byte.
 */
export function decodeDialogueBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_DIALOGUE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    throw new DialogueParseError(1, `the file is ${mb} MB; the limit is ${MAX_DIALOGUE_BYTES / 1024 / 1024} MB`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DialogueParseError(lineAt(bytes, nul), "binary content (a NUL byte): expected UTF-8 text");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = findInvalidUtf8(bytes);
    throw new DialogueParseError(lineAt(bytes, bad), "bytes that are not valid UTF-8: save the file as UTF-8 text");
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that starts an invalid UTF-8 sequence. */
function findInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i]);
    if (length === 0) return i;
    try {
      decoder.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return 0;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
