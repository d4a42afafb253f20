// @vitest-environment happy-dom
/**
 * Paragraph numbers as the live editor draws them (components/editor/
 * paragraph-numbers.ts) and as the server-rendered page does
 * (components/plan/section-view.tsx): both show exactly numberParagraphs'
 * markers, and the same italics, struck punctuation and printed endings.
 * And the live numbering across sections (paragraph-numbers-store.ts): an
 * edit in one section renumbers the next.
 */
import type { JSONContent } from "@tiptap/core";
import { Node as PmNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { EditorView } from "@tiptap/pm/view";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { createParagraphNumbersPlugin, paragraphNumbersKey } from "@/components/editor/paragraph-numbers";
import { createParagraphNumbersStore } from "@/components/editor/paragraph-numbers-store";
import { SectionText } from "@/components/plan/section-view";
import { readSectionParagraphs } from "@/lib/editor/numbered-sections";
import { groupConfirmedByBlock, numberParagraphs, numberSources, readPassages } from "@/lib/editor/passages";
import { planSchema } from "@/lib/editor/plan-document";
import { kindedDocument } from "@/test/support/kinded-paragraphs";

// The page's client parts ask for Next's router, which only a running app has; nothing here navigates.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {}, push() {} }) }));

const contentOf = kindedDocument;

const preamble = contentOf([
  ["pp1", "preambular", "Recalling its resolution 63/194;"],
  ["pp2", "preambular", "Deeply concerned at the trafficking of persons,"],
  ["note", "plain", "A drafting note."],
  ["op1", "operative", "Adopts the Plan annexed to this resolution."],
]);
const operative = contentOf([
  ["op2", "operative", "Urges Member States"],
  ["op2a", "subparagraph", "To ratify the Protocol"],
  ["op2b", "subparagraph", "To protect victims, in particular;"],
  ["op2bi", "subparagraph", "children", 2],
  ["op2bii", "subparagraph", "women", 2],
  ["op3", "operative", "Calls upon States to act"],
  ["empty", "operative", ""],
]);
const sections = readSectionParagraphs([
  { id: "s1", part: "main", content: preamble },
  { id: "s2", part: "main", content: operative },
]);
const numbers = numberParagraphs(sections);

/** Per numbered paragraph: its marker, italic words, struck punctuation and printed ending, as the DOM shows them. */
function readShown(root: ParentNode) {
  return [...root.querySelectorAll("p[data-block-id], [data-block-id] > p")].map((p) => {
    const blockId = p.getAttribute("data-block-id") ?? p.parentElement!.getAttribute("data-block-id");
    const texts = (selector: string) => [...p.querySelectorAll(selector)].map((e) => e.textContent).join("");
    return {
      blockId,
      kind: p.getAttribute("data-kind"),
      marker: p.getAttribute("data-marker"),
      opening: texts(".opening-phrase"),
      stray: texts(".stray-ending"),
      ending: texts(".print-ending"),
    };
  });
}

function readEditor(content: JSONContent, sectionId: string) {
  const store = createParagraphNumbersStore(sections);
  const mount = document.createElement("div");
  const state = EditorState.create({
    doc: PmNode.fromJSON(planSchema, content),
    plugins: [createParagraphNumbersPlugin()],
  });
  const view = new EditorView(mount, { state });
  view.dispatch(view.state.tr.setMeta(paragraphNumbersKey, store.numbersOf(sectionId)));
  const shown = readShown(mount);
  view.destroy();
  return shown;
}

function readPage(content: JSONContent) {
  const passages = readPassages(content);
  const html = renderToStaticMarkup(
    createElement(SectionText, {
      section: { key: "s", content, links: [] },
      passages,
      sources: numberSources(passages, groupConfirmedByBlock([])),
      paragraphNumbers: numbers,
      dialogueId: "d",
      planId: "p",
      canDecide: false,
    }),
  );
  const root = document.createElement("div");
  root.innerHTML = html;
  return readShown(root);
}

describe("paragraph numbers in the editor and on the page", () => {
  it("show exactly numberParagraphs' markers, continued across sections", () => {
    for (const [content, id] of [
      [preamble, "s1"],
      [operative, "s2"],
    ] as const) {
      const shown = readEditor(content, id);
      for (const { blockId, marker } of shown) expect(marker).toBe(numbers.get(blockId!)?.marker ?? null);
    }
    expect(readEditor(operative, "s2").map((p) => p.marker)).toEqual(["2.", "(a)", "(b)", "(i)", "(ii)", "3.", "4."]);
  });

  it("draw the same italics, struck punctuation and printed endings as the page", () => {
    expect(readEditor(preamble, "s1")).toEqual(readPage(preamble));
    expect(readEditor(operative, "s2")).toEqual(readPage(operative));
    const shown = new Map(readEditor(operative, "s2").map((p) => [p.blockId, p]));
    expect(shown.get("op2")).toMatchObject({ opening: "Urges", stray: "", ending: ":" });
    expect(shown.get("op2b")).toMatchObject({ stray: ";", ending: ":" });
    expect(shown.get("op3")).toMatchObject({ opening: "Calls upon", ending: ";" });
    expect(shown.get("empty")).toMatchObject({ marker: "4.", opening: "", ending: "" });
    const preambleShown = new Map(readEditor(preamble, "s1").map((p) => [p.blockId, p]));
    expect(preambleShown.get("pp1")).toMatchObject({ marker: null, opening: "Recalling", stray: ";", ending: "," });
    expect(preambleShown.get("pp2")).toMatchObject({ opening: "Deeply concerned", stray: "", ending: "" });
    expect(preambleShown.get("note")).toMatchObject({ kind: null, marker: null, ending: "" });
  });

  it("never put the numbers or endings into the document's text", () => {
    const mount = document.createElement("div");
    const doc = PmNode.fromJSON(planSchema, operative);
    const view = new EditorView(mount, {
      state: EditorState.create({ doc, plugins: [createParagraphNumbersPlugin()] }),
    });
    view.dispatch(view.state.tr.setMeta(paragraphNumbersKey, createParagraphNumbersStore(sections).numbersOf("s2")));
    expect(view.state.doc.toJSON()).toEqual(doc.toJSON());
    view.destroy();
  });
});

describe("the live numbering across sections", () => {
  it("renumbers a later section when an earlier one gains an operative paragraph, and tells only those that changed", () => {
    const store = createParagraphNumbersStore(sections);
    const told: string[] = [];
    store.subscribe("s1", () => told.push("s1"));
    store.subscribe("s2", (numbers) => told.push(`s2 ${numbers.get("op2")?.marker}`));
    const withAnother = contentOf([
      ["pp1", "preambular", "Recalling its resolution 63/194;"],
      ["op0", "operative", "Welcomes the report;"],
      ["op1", "operative", "Adopts the Plan annexed to this resolution."],
    ]);
    store.report("s1", readPassages(withAnother));
    expect(told).toEqual(["s1", "s2 3."]);
    told.length = 0;
    // Typing that changes no number tells no one.
    store.report("s1", readPassages(withAnother));
    expect(told).toEqual([]);
  });
});
