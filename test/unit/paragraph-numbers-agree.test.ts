/**
 * Paragraph numbers in every export come from the one reader
 * (lib/editor/passages.ts numberParagraphs): for any plan, the reader over
 * the editor's documents, the Markdown and the DOCX as Word counts it
 * (word/numbering.xml and word/document.xml) print the same marker before
 * every passage, and the same ending after every numbered paragraph. The PDF
 * side of the property is in test/integration/export.test.ts (Chromium is slow).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderDocx } from "@/lib/export/render-docx";
import { renderMarkdown } from "@/lib/export/render-markdown";
import {
  arbitraryNumberedPlan,
  buildNumberedDocument,
  readDocxNumbers,
  readExpectedNumbers,
  readMarkdownNumbers,
} from "@/test/support/numbered-plans";
import type { TNumberReading } from "@/test/support/numbered-plans";

/** Ids and markers of every passage; endings only where the reader gives one (numbered paragraphs). */
function comparable(reading: TNumberReading, expected: TNumberReading) {
  const hasEnding = new Set(expected.filter((entry) => entry.ending).map((entry) => entry.blockId));
  return reading.map(({ blockId, marker, ending }) => ({
    blockId,
    marker,
    ...(hasEnding.has(blockId) ? { ending } : {}),
  }));
}

describe("paragraph numbers in the exports", () => {
  it("are the reader's in the Markdown and in Word's own numbering, for any plan", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryNumberedPlan(), async (plan) => {
        const expected = readExpectedNumbers(plan);
        const document = buildNumberedDocument(plan);
        expect(comparable(readMarkdownNumbers(renderMarkdown({ document })), expected)).toEqual(expected);
        expect(comparable(readDocxNumbers(await renderDocx({ document })), expected)).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});
