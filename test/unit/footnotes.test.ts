/**
 * Footnotes of free text (a treaty, a resolution): numbered with the
 * citations in reading order by the passage reader, printed as their words
 * in the export, and written by one command (a new one at the caret; the
 * selected one's words replaced).
 */
import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState, NodeSelection, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { buildSections } from "@/lib/export/build-export-sections";
import { formatFootnoteText } from "@/lib/export/export-document";
import { renderMarkdown } from "@/lib/export/render-markdown";
import { footnoteKey, groupConfirmedByBlock, numberSources, readPassages } from "@/lib/editor/passages";
import { FootnoteCommands, readSelectedFootnote } from "@/lib/editor/footnote-commands";
import { planSchema } from "@/lib/editor/plan-document";
import { toExportLinks } from "@/test/support/export-links";

const TREATY = "United Nations Treaty Series, vol. 2237, No. 39574.";

const content: JSONContent = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      attrs: { blockId: "p1", kind: "preambular", level: 1 },
      content: [
        { type: "text", text: "Recalling the Protocol" },
        { type: "citation", attrs: { linkId: "link-a" } },
        { type: "text", text: " and the Convention" },
        { type: "footnote", attrs: { noteId: "n1", text: TREATY } },
        { type: "citation", attrs: { linkId: "link-b" } },
      ],
    },
  ],
};
const links = [
  { id: "link-a", blockId: "p1", status: "confirmed" },
  { id: "link-b", blockId: "p1", status: "confirmed" },
];

describe("footnotes of free text", () => {
  it("take their number in the one run of notes, between the citations around them", () => {
    const [passage] = readPassages(content);
    expect(passage.notes).toEqual(["link-a", footnoteKey("n1"), "link-b"]);
    expect(passage.citations).toEqual(["link-a", "link-b"]);
    expect(passage.text).toBe("Recalling the Protocol and the Convention");
    const { numberOf } = numberSources([passage], groupConfirmedByBlock(links));
    expect([numberOf.get("link-a"), numberOf.get(footnoteKey("n1")), numberOf.get("link-b")]).toEqual([1, 2, 3]);
  });

  it("print as their words, numbered where they stand", () => {
    const source = { label: "Speaker", role: null, segment: "Panel 1", address: "panel-1.x.s1", quote: "Words." };
    const built = buildSections({
      sections: [{ id: "s", key: "preamble", title: "Preamble", content }],
      links: toExportLinks(links, "preamble"),
      sources: new Map([
        ["link-a", source],
        ["link-b", source],
      ]),
    });
    const note = built.footnotes.find((footnote) => footnote.n === 2)!;
    expect(note).toMatchObject({ kind: "note", label: TREATY });
    expect(formatFootnoteText(note)).toBe(TREATY);
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
    expect(markdown).toContain("the Convention,[^2][^3]");
    expect(markdown).toContain(`[^2]: ${TREATY.replace(/\./g, ".")}`);
  });

  it("are written by one command: a new one at the caret, the selected one's words replaced", () => {
    const doc = PmNode.fromJSON(planSchema, {
      type: "doc",
      content: [{ type: "paragraph", attrs: { blockId: "p1" }, content: [{ type: "text", text: "Recalling" }] }],
    });
    const setFootnote = FootnoteCommands.config.addCommands!.call({} as never).setFootnote!;
    const run = (state: EditorState, text: string) => {
      const tr = state.tr;
      expect(setFootnote(text)({ tr, state, dispatch: () => {} } as never)).toBe(true);
      return state.apply(tr);
    };
    let state = EditorState.create({ doc });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 10)));
    state = run(state, "  General Assembly resolution 55/25.  ");
    const inserted = state.doc.firstChild!.lastChild!;
    expect(inserted.type.name).toBe("footnote");
    expect(inserted.attrs.text).toBe("General Assembly resolution 55/25.");
    expect(inserted.attrs.noteId).toMatch(/^b[0-9a-z]+$/);

    state = state.apply(state.tr.setSelection(NodeSelection.create(state.doc, 10)));
    expect(readSelectedFootnote(state)).toBe("General Assembly resolution 55/25.");
    state = run(state, "General Assembly resolution 55/25, annex II.");
    expect(state.doc.firstChild!.lastChild!.attrs).toMatchObject({
      noteId: inserted.attrs.noteId,
      text: "General Assembly resolution 55/25, annex II.",
    });
    // Blank words write nothing.
    expect(setFootnote("   ")({ tr: state.tr, state, dispatch: () => {} } as never)).toBe(false);
  });
});
