/**
 * A statement's address: "<segment>.<family name>", e.g. "opening.ban"; a
 * second statement of the same family name in a segment gets "-2". Its
 * sentences are "<address>.s<n>". The family name is the rule's
 * (family-name.ts) unless an admin corrected it for the speaker.
 */
import { slugify } from "./text";
import type { ParsedDialogue } from "./types";

export function statementAddress(segmentKey: string, familyName: string, taken: ReadonlySet<string>): string {
  const base = `${segmentKey}.${slugify(familyName) || "speaker"}`;
  let address = base;
  for (let n = 2; taken.has(address); n++) address = `${base}-${n}`;
  return address;
}

/** A speaker's key, which an admin's family name is stored under: "speaker-<name>". */
export function speakerKeyOf(name: string): string {
  return `speaker-${slugify(name)}`;
}

/**
 * The parsed dialogue with the statements of speakers whose family name an
 * admin corrected (by speaker key) readdressed, with their sentences. Every
 * statement of a segment is addressed again in order, so the "-2" suffixes
 * stay consistent.
 */
export function withFamilyNames(parsed: ParsedDialogue, familyNames: ReadonlyMap<string, string>): ParsedDialogue {
  if (familyNames.size === 0) return parsed;
  return {
    ...parsed,
    segments: parsed.segments.map((segment) => {
      const taken = new Set<string>();
      const statements = segment.statements.map((statement) => {
        const corrected = familyNames.get(speakerKeyOf(statement.speaker.name));
        const familyName = corrected ?? statement.id.slice(segment.key.length + 1).replace(/-\d+$/, "");
        const id = statementAddress(segment.key, familyName, taken);
        taken.add(id);
        const sentences = statement.sentences.map((sentence, i) => ({ ...sentence, id: `${id}.s${i + 1}` }));
        return { ...statement, id, sentences };
      });
      return { ...segment, statements };
    }),
  };
}
