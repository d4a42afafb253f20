/**
 * The passage reader (lib/editor/passages.ts), and the property that makes it
 * worth having: for any document, the page, the live editor and the export
 * agree on which blocks are passages, their order, and every source's number.
 * Each side is read from its own output: the page's HTML, the editor's
 * decorations, the export's blocks and footnotes.
 */
import fc from "fast-check";
import type { JSONContent } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { Node as PmNode } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { createSourceNumbersPlugin, sourceNumbersKey } from "@/components/editor/source-numbers";
import { SectionText } from "@/components/plan/section-view";
import {
  findPassage,
  groupConfirmedByBlock,
  numberSources,
  outlinePassages,
  readPassages,
} from "@/lib/editor/passages";
import { planSchema } from "@/lib/editor/plan-document";
import { buildSections } from "@/lib/export/build-export-sections";
import type { PlanLink } from "@/lib/plan/get-plan";
import { toExportLinks } from "@/test/support/export-links";

// The page's client parts ask for Next's router, which only a running app has; nothing here navigates.
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh() {}, push() {} }) }));

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, marks });
const cite = (linkId: string): JSONContent => ({ type: "citation", attrs: { linkId } });
const paragraph = (blockId: string, ...content: JSONContent[]): JSONContent => ({
  type: "paragraph",
  attrs: { blockId },
  content,
});
const item = (blockId: string, ...content: JSONContent[]): JSONContent => ({
  type: "listItem",
  attrs: { blockId },
  content,
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

describe("readPassages", () => {
  const content = doc(
    paragraph(
      "p1",
      text("States "),
      text("should", [{ type: "bold" }]),
      text(" act"),
      cite("l1"),
      text(" now.", [{ type: "comment", attrs: { threadIds: "t1 t2" } }]),
    ),
    {
      type: "bulletList",
      content: [
        item("li1", paragraph("li1.p", text("First")), paragraph("li1.q", text("Second")), {
          type: "bulletList",
          content: [item("li2", paragraph("li2.p", text("Nested"), cite("l2")))],
        }),
      ],
    },
  );

  it("reads a list item as one passage and its paragraphs as none, and a nested item as a passage of its own", () => {
    expect(readPassages(content).map(({ blockId, type, text }) => ({ blockId, type, text }))).toEqual([
      { blockId: "p1", type: "paragraph", text: "States should act now." },
      { blockId: "li1", type: "listItem", text: "First Second" },
      { blockId: "li2", type: "listItem", text: "Nested" },
    ]);
    expect(findPassage(content, "li1")!.citations).toEqual([]);
    expect(findPassage(content, "li2")!.citations).toEqual(["l2"]);
    expect(findPassage(content, "p1")!.threadIds).toEqual(["t1", "t2"]);
  });

  it("joins differently marked text into one run and splits at inline nodes and between paragraphs, as Yjs does", () => {
    expect(findPassage(content, "p1")!.runs).toEqual(["States should act", " now."]);
    expect(findPassage(content, "li1")!.runs).toEqual(["First", "Second"]);
    expect(findPassage(content, "gone")).toBeUndefined();
  });

  it("reads the editor's own ProseMirror document the same as its JSON", () => {
    expect(readPassages(PmNode.fromJSON(planSchema, content))).toEqual(readPassages(content));
  });
});

describe("numberSources", () => {
  it("gives a source cited in a passage that also holds it as confirmed one number, not two", () => {
    // The old page numbered confirmed sources passage by passage and citations in document order apart: here
    // "l-cited" showed as [5] after the passage and [10] on its citation.
    const passages = readPassages(doc(paragraph("a", text("One.")), paragraph("b", text("Two"), cite("l-cited"))));
    const numbering = numberSources(
      passages,
      groupConfirmedByBlock([
        { id: "l1", blockId: "a", status: "confirmed" },
        { id: "l-cited", blockId: "b", status: "confirmed" },
        { id: "l3", blockId: "b", status: "confirmed" },
        { id: "l-whole", blockId: "", status: "confirmed" },
        { id: "l-gone", blockId: "gone", status: "confirmed" },
      ]),
    );
    expect([...numbering.numberOf]).toEqual([
      ["l-whole", 1],
      ["l1", 2],
      ["l-cited", 3],
      ["l3", 4],
    ]);
    expect(numbering.atEnd.get("b")).toEqual(["l3"]);
  });
});

/* ------------------------------------------------------------------------------------------------------------ */
/* The agreement property                                                                                      */

const LINK_IDS = ["l0", "l1", "l2", "l3", "l4", "l5"];

/** A random section: paragraphs, headings, quotes, and lists nested up to twice, citing a few links, with ids throughout. */
function arbitrarySection(): fc.Arbitrary<{
  content: JSONContent;
  links: { id: string; blockId: string; status: string }[];
}> {
  let next = 0;
  const id = () => `b${next++}`;
  const inline = fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom("word", "more words", "x").map((value) => text(value)) },
      { weight: 1, arbitrary: fc.constantFrom(...LINK_IDS).map(cite) },
      { weight: 1, arbitrary: fc.constant<JSONContent>({ type: "hardBreak" }) },
    ),
    { maxLength: 4 },
  );
  const textblock = (type: "paragraph" | "heading") =>
    inline.map((content) => ({ type, attrs: { blockId: id(), ...(type === "heading" ? { level: 2 } : {}) }, content }));
  const list = (depth: number): fc.Arbitrary<JSONContent> =>
    fc
      .tuple(
        fc.constantFrom("bulletList", "orderedList"),
        fc.array(
          fc.tuple(
            fc.array(textblock("paragraph"), { minLength: 1, maxLength: 2 }),
            depth < 2 ? fc.option(fc.constant(null).chain(() => list(depth + 1))) : fc.constant(null),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      )
      .map(([type, items]) => ({
        type,
        content: items.map(([paragraphs, nested]) => ({
          type: "listItem",
          attrs: { blockId: id() },
          content: nested ? [...paragraphs, nested] : paragraphs,
        })),
      }));
  const block = fc.oneof(
    textblock("paragraph"),
    textblock("heading"),
    textblock("paragraph").map((p) => ({ type: "blockquote", content: [p] })),
    fc.constant(null).chain(() => list(0)),
  );
  return fc.array(block, { minLength: 1, maxLength: 6 }).chain((blocks) => {
    const content = doc(...blocks);
    const passageIds = ["", "gone", ...readPassages(content).map((p) => p.blockId)];
    const link = fc.record({
      blockId: fc.constantFrom(...passageIds),
      status: fc.constantFrom("confirmed", "confirmed", "suggested", "suspect"),
    });
    return fc
      .tuple(...LINK_IDS.map(() => link))
      .map((rows) => ({ content, links: rows.map((row, i) => ({ id: LINK_IDS[i], ...row })) }));
  });
}

/** Per passage, in reading order: its id and the numbers printed in it, in the order a reader meets them. */
type Reading = { blockId: string; numbers: string[] }[];

function readPage(content: JSONContent, links: { id: string; blockId: string; status: string }[]): Reading {
  const passages = readPassages(content);
  const html = renderToStaticMarkup(
    createElement(SectionText, {
      section: { key: "s", content, links: links as unknown as PlanLink[] },
      passages,
      sources: numberSources(passages, groupConfirmedByBlock(links)),
      paragraphNumbers: new Map(),
      dialogueId: "d",
      planId: "p",
      canDecide: false,
    }),
  );
  const { document } = new Window();
  document.body.innerHTML = html;
  return [...document.querySelectorAll("[id^='passage-']")].map((element) => ({
    blockId: element.getAttribute("data-block-id")!,
    numbers: [...element.querySelectorAll("[data-citation] a, [data-numbers]")]
      .filter((number) => number.closest("[id^='passage-']") === element)
      .flatMap((number) =>
        number.hasAttribute("data-numbers") ? markerNumbers(number) : numbersIn(number.textContent ?? ""),
      ),
  }));
}

function readEditor(content: JSONContent, links: { id: string; blockId: string; status: string }[]): Reading {
  const plugin = createSourceNumbersPlugin();
  const created = EditorState.create({ doc: PmNode.fromJSON(planSchema, content), plugins: [plugin] });
  const state = created.apply(created.tr.setMeta(sourceNumbersKey, links));
  const decorations = sourceNumbersKey.getState(state)!.decorations.find();
  const reading: Reading = [];
  const passageIds = new Set(readPassages(state.doc).map((p) => p.blockId));
  // The passage each position is in: walk the document, recording where each passage starts and ends.
  const spans: { blockId: string; from: number; to: number }[] = [];
  state.doc.descendants((node, pos) => {
    if (passageIds.has(node.attrs.blockId))
      spans.push({ blockId: node.attrs.blockId, from: pos, to: pos + node.nodeSize });
    return true;
  });
  for (const span of spans) reading.push({ blockId: span.blockId, numbers: [] });
  const innermost = (pos: number) =>
    spans.filter((span) => span.from < pos && pos < span.to).sort((a, b) => b.from - a.from)[0];
  const sorted = [...decorations].sort((a, b) => a.from - b.from);
  for (const decoration of sorted) {
    const spec = decoration.spec as {
      citationNumber?: number;
      passageMarker?: { numbers: number[]; toRecheck: number };
    };
    const at = spec.citationNumber !== undefined ? decoration.from + 1 : decoration.from;
    const passage = reading.find((entry) => entry.blockId === innermost(at)?.blockId);
    if (!passage) continue;
    if (spec.citationNumber !== undefined) passage.numbers.push(String(spec.citationNumber));
    else if (spec.passageMarker)
      passage.numbers.push(
        ...spec.passageMarker.numbers.map(String),
        ...(spec.passageMarker.toRecheck ? [`!${spec.passageMarker.toRecheck}`] : []),
      );
  }
  return reading;
}

function readExport(content: JSONContent, links: { id: string; blockId: string; status: string }[]): Reading {
  const { sections } = buildSections({
    sections: [{ id: "s", key: "s", title: "Section", content }],
    links: toExportLinks(links, "s"),
    sources: new Map(),
  });
  return sections[0].blocks
    .filter((block) => block.blockId !== undefined)
    .map((block) => ({
      blockId: block.blockId!,
      numbers: block.runs.flatMap((run) => (run.kind === "footnote" ? [String(run.n)] : [])),
    }));
}

/** "Source [3]" → ["3"]. */
function numbersIn(label: string): string[] {
  return [...label.matchAll(/\d+/g)].map((match) => match[0]);
}

/** A passage marker's numbers, then "!n" when n of its sources need a re-check. */
function markerNumbers(marker: { getAttribute(name: string): string | null }): string[] {
  const recheck = Number(marker.getAttribute("data-recheck"));
  return [...marker.getAttribute("data-numbers")!.split(",").filter(Boolean), ...(recheck ? [`!${recheck}`] : [])];
}

/** What the export cannot show: the re-check count "!n", and passages it prints nothing for (an empty paragraph). */
function comparable(reading: Reading): Reading {
  return reading
    .map(({ blockId, numbers }) => ({ blockId, numbers: numbers.filter((n) => !n.startsWith("!")) }))
    .filter(({ numbers }) => numbers.length > 0);
}

describe("the page, the editor and the export", () => {
  it("agree on the passages, their order and every source's number, for any document", () => {
    fc.assert(
      fc.property(arbitrarySection(), ({ content, links }) => {
        const passageIds = readPassages(content).map((p) => p.blockId);
        const page = readPage(content, links);
        const editor = readEditor(content, links);
        expect(page.map((p) => p.blockId)).toEqual(passageIds);
        expect(editor.map((p) => p.blockId)).toEqual(passageIds);
        expect(editor).toEqual(page);
        expect(comparable(readExport(content, links))).toEqual(comparable(page));
        // One number per source: a source cited twice shows its one number twice, never two numbers.
        const numberOf = numberSources(readPassages(content), groupConfirmedByBlock(links)).numberOf;
        expect(new Set(numberOf.values()).size).toBe(numberOf.size);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe("outlinePassages", () => {
  it("keeps lists as lists: one line per passage, items indented under their marker", () => {
    const content = doc(paragraph("p", text("Intro.")), {
      type: "orderedList",
      attrs: { start: 1 },
      content: [
        item("a", paragraph("a.p", text("First")), {
          type: "bulletList",
          content: [item("a1", paragraph("a1.p", text("Nested")))],
        }),
        item("b", paragraph("b.p", text("Second"))),
      ],
    });
    expect(outlinePassages(content)).toBe("Intro.\n1. First\n  • Nested\n2. Second");
  });
});
