/**
 * A confirmed link vouches for a passage as it read when someone confirmed
 * it. The fingerprint lets the collaboration server notice when that passage
 * changes in substance: whitespace, punctuation and symbols are ignored (a
 * fixed comma or a moved line break does not need a re-check), anything
 * else makes the link suspect.
 */
import { createHash } from "node:crypto";

export function normalizePassage(text: string): string {
  return text.normalize("NFKC").replace(/[\s\p{P}\p{S}]+/gu, "");
}

export function fingerprintPassage(text: string): string {
  return createHash("sha256").update(normalizePassage(text)).digest("base64url").slice(0, 22);
}
