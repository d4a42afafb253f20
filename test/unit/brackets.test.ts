/**
 * Brackets in the one schema (lib/editor/brackets.ts): they survive the trip
 * through Yjs that every save takes, the passage reader lists them, the
 * commands write and resolve them, and the export prints them in square
 * brackets with their delegations in a footnote.
 */
import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, NodeSelection, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { BracketCommands, readSelectedBracket } from "@/lib/editor/bracket-commands";
import { bracketKey, readPassages } from "@/lib/editor/passages";
import { planSchema, toPlainText } from "@/lib/editor/plan-document";
import { contentFromYdoc, ydocFromContent } from "@/lib/editor/ydoc";
import { buildSections } from "@/lib/export/build-export-sections";
import { renderMarkdown } from "@/lib/export/render-markdown";

const EGYPT = { id: "d-egypt", name: "Egypt" };
const NORWAY = { id: "d-norway", name: "Norway" };
const EU = { id: "d-eu", name: "European Union" };

const content: JSONContent = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      attrs: { blockId: "p1", kind: "operative", level: 1 },
      content: [
        { type: "text", text: "Decides to " },
        {
          type: "text",
          text: "strengthen",
          marks: [{ type: "bracket", attrs: { bracketId: "br1", delegations: [EGYPT] } }],
        },
        { type: "text", text: " cooperation in " },
        {
          type: "alternatives",
          attrs: {
            bracketId: "br2",
            options: [
              { text: "all regions", delegations: [NORWAY] },
              { text: "developing countries", delegations: [EU, EGYPT] },
            ],
          },
        },
        { type: "text", text: "." },
      ],
    },
  ],
};

describe("brackets in the schema", () => {
  it("keep their ids, delegations and alternatives through Yjs", () => {
    expect(contentFromYdoc(ydocFromContent(content))).toEqual(content);
  });

  it("are listed with each passage, and the passage's words leave the alternatives out", () => {
    const [passage] = readPassages(content);
    expect(passage.text).toBe("Decides to strengthen cooperation in .");
    expect(passage.brackets).toEqual([
      { bracketId: "br1", text: "strengthen", delegations: [EGYPT] },
      {
        bracketId: "br2",
        text: "[all regions / developing countries]",
        delegations: [],
        options: [
          { text: "all regions", delegations: [NORWAY] },
          { text: "developing countries", delegations: [EU, EGYPT] },
        ],
      },
    ]);
    expect(passage.printedNotes).toEqual([bracketKey("br1"), bracketKey("br2")]);
    expect(passage.notes).toEqual([]);
    expect(toPlainText(content)).toBe("Decides to strengthen cooperation in [all regions / developing countries].");
  });
});

describe("bracket commands", () => {
  const stateOf = (json: JSONContent) =>
    EditorState.create({ schema: planSchema, doc: PmNode.fromJSON(planSchema, json) });
  const commands = BracketCommands.config.addCommands!.call({} as never) as Record<
    string,
    (options: never) => (props: { tr: unknown; state: EditorState; dispatch?: unknown }) => boolean
  >;
  const run = (state: EditorState, name: string, options: unknown) => {
    const tr = state.tr;
    const isDone = commands[name](options as never)({ tr, state, dispatch: () => {} });
    return { isDone, doc: tr.doc };
  };
  const plain: JSONContent = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        attrs: { blockId: "p1", kind: "plain", level: 1 },
        content: [{ type: "text", text: "Calls upon all States" }],
      },
    ],
  };

  it("bracket the selected words, and retag the bracket at the caret", () => {
    const state = stateOf(plain);
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 12, 16)));
    const { isDone, doc } = run(selected, "setBracket", { delegations: [EGYPT] });
    expect(isDone).toBe(true);
    const [bracket] = readPassages(doc).flatMap((p) => p.brackets);
    expect(bracket).toMatchObject({ text: "all ", delegations: [EGYPT] });
    const inside = EditorState.create({ schema: planSchema, doc, selection: TextSelection.create(doc, 14) });
    expect(readSelectedBracket(inside)).toMatchObject({ kind: "bracket", bracketId: bracket.bracketId });
    const retagged = run(inside, "setBracket", { delegations: [NORWAY, EU] }).doc;
    expect(readPassages(retagged)[0].brackets).toEqual([{ ...bracket, delegations: [NORWAY, EU] }]);
    const resolved = run(inside, "resolveBracket", { bracketId: bracket.bracketId }).doc;
    expect(readPassages(resolved)[0]).toMatchObject({ text: "Calls upon all States", brackets: [] });
  });

  it("replace the selection with alternatives, and keep one when resolved", () => {
    const state = stateOf(plain);
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 12, 22)));
    const options = [
      { text: "all States", delegations: [EGYPT] },
      { text: "Member States", delegations: [NORWAY] },
    ];
    expect(run(selected, "setAlternatives", { options: options.slice(0, 1) }).isDone).toBe(false);
    const { doc } = run(selected, "setAlternatives", { options });
    const [bracket] = readPassages(doc)[0].brackets;
    expect(bracket).toMatchObject({ text: "[all States / Member States]", options });
    const atNode = EditorState.create({ schema: planSchema, doc, selection: NodeSelection.create(doc, 12) });
    expect(readSelectedBracket(atNode)).toEqual({ kind: "alternatives", bracketId: bracket.bracketId, options });
    const kept = run(atNode, "resolveBracket", { bracketId: bracket.bracketId, keep: 1 }).doc;
    expect(readPassages(kept)[0]).toMatchObject({ text: "Calls upon Member States", brackets: [] });
  });
});

describe("brackets in print", () => {
  it("print in square brackets, each with a footnote naming its delegations", () => {
    const built = buildSections({
      sections: [{ id: "s", key: "operative", title: "Operative", content }],
      links: [],
      sources: new Map(),
    });
    const markdown = renderMarkdown({
      document: {
        planId: "p",
        title: "Draft",
        dialogueTitle: "Dialogue",
        versionLabel: null,
        date: new Date("2026-12-01T00:00:00Z"),
        ...built,
        annex: [],
      },
    });
    expect(markdown).toContain(
      "1\\. *Decides* to \\[strengthen\\][^1] cooperation in \\[all regions / developing countries\\].[^2]",
    );
    expect(built.footnotes.map((note) => note.label)).toEqual([
      "Bracketed text “strengthen”, held by Egypt.",
      "Alternatives: (1) “all regions”, held by Norway; (2) “developing countries”, held by European Union, Egypt.",
    ]);
  });

  it("print a paragraph's status in bold after its number, before its opening phrase", () => {
    const built = buildSections({
      sections: [
        {
          id: "s",
          key: "operative",
          title: "Operative",
          content,
          statuses: new Map([["p1", "agreed ad ref" as const]]),
        },
      ],
      links: [],
      sources: new Map(),
    });
    const [, paragraph] = built.sections[0].blocks;
    expect(paragraph).toMatchObject({ kind: "paragraph", number: { marker: "1." } });
    expect(paragraph.runs.slice(0, 2)).toEqual([
      { kind: "text", text: "(Agreed ad ref) ", bold: true, isInserted: true },
      { kind: "text", text: "Decides", italic: true },
    ]);
  });
});
