/**
 * Maps a parsed dialogue to database rows. Every id is "<dialogue>:<address>",
 * so the same document always produces the same ids and a corrected
 * document keeps the ids of every unit it still contains.
 */
import { createHash } from "node:crypto";
import type { ParsedDialogue } from "./types";
import { SUMMARY_LISTS } from "./types";
import { ADDRESS_RULES_VERSION } from "./family-name";
import { speakerKeyOf } from "./statement-address";
import { buildDelegationRows, ROSTER_VERSION } from "./build-delegation-rows";
import type { ExistingDelegation } from "./build-delegation-rows";

export type DialogueRows = ReturnType<typeof buildDialogueRows>;

export function buildDialogueRows(options: {
  parsed: ParsedDialogue;
  sourceText: string;
  sourceName: string;
  /** The dialogue's delegations as an earlier import wrote them: they keep their ids. */
  existingDelegations?: ExistingDelegation[];
}) {
  const { parsed, sourceText, sourceName } = options;
  const dialogueId = parsed.slug;
  const idOf = (address: string) => `${dialogueId}:${address}`;

  const dialogue = {
    id: dialogueId,
    title: parsed.title,
    topic: parsed.topic,
    venue: parsed.venue,
    date: new Date(`${parsed.date}T00:00:00Z`),
    contentHash: hashSource(sourceText),
    sourceName,
    sourceText,
    addressRules: ADDRESS_RULES_VERSION,
    rosterVersion: ROSTER_VERSION,
  };
  const {
    rows: delegations,
    idByAnnexName: delegationIdByName,
    report: roster,
  } = buildDelegationRows({ dialogueId, annex: parsed.delegations, existing: options.existingDelegations });

  const segments = parsed.segments.map((s, position) => ({
    id: idOf(s.key),
    dialogueId,
    key: s.key,
    kind: s.kind,
    number: s.number,
    title: s.title,
    position,
    links: s.links,
    notes: s.notes,
  }));

  // A person who speaks in two segments is one speaker with two statements.
  const speakers = new Map<
    string,
    {
      id: string;
      dialogueId: string;
      key: string;
      name: string;
      honorific: string | null;
      affiliation: string | null;
      delegationId: string | null;
    }
  >();
  const statements = parsed.segments
    .flatMap((segment) => segment.statements)
    .map((st, position) => {
      const speakerKey = speakerKeyOf(st.speaker.name);
      if (!speakers.has(speakerKey)) {
        speakers.set(speakerKey, {
          id: idOf(speakerKey),
          dialogueId,
          key: speakerKey,
          name: st.speaker.name,
          honorific: st.speaker.honorific,
          affiliation: st.speaker.affiliation,
          delegationId: st.speaker.delegation ? (delegationIdByName.get(st.speaker.delegation) ?? null) : null,
        });
      }
      const segmentKey = st.id.slice(0, st.id.indexOf("."));
      return {
        id: idOf(st.id),
        dialogueId,
        segmentId: idOf(segmentKey),
        speakerId: idOf(speakerKey),
        key: st.id,
        position,
        line: st.line,
        text: st.text,
      };
    });
  const sentences = parsed.segments
    .flatMap((segment) => segment.statements)
    .flatMap((st) =>
      st.sentences.map((se, position) => ({
        id: idOf(se.id),
        dialogueId,
        statementId: idOf(st.id),
        key: se.id,
        position,
        start: se.start,
        end: se.end,
        text: se.text,
      })),
    );
  const summaryItems = SUMMARY_LISTS.flatMap((list) =>
    parsed.summary[list].map((item, position) => ({
      id: idOf(item.id),
      dialogueId,
      list,
      key: item.id,
      n: item.n,
      position,
      line: item.line,
      text: item.text,
      keyPhrases: item.keyPhrases,
    })),
  );
  const summaryNotes = parsed.summary.notes.map((note, position) => ({
    id: idOf(note.id),
    dialogueId,
    key: note.id,
    position,
    text: note.text,
  }));

  return {
    dialogue,
    delegations,
    roster,
    segments,
    speakers: [...speakers.values()],
    statements,
    sentences,
    summaryItems,
    summaryNotes,
  };
}

/** sha256 of the source text, the identity of one version of a document. */
export function hashSource(sourceText: string): string {
  return createHash("sha256").update(sourceText, "utf8").digest("hex");
}
