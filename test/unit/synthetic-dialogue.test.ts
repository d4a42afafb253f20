/**
 * The benchmark's synthetic document must stay a document the parser reads
 * in full, or the benchmark would time a different, smaller workload.
 * Timings are the benchmark's business, never a test's.
 */
import { describe, expect, it } from "vitest";
import { generateSyntheticDialogue } from "@/bench/synthetic-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";

// The 2009 seed has 4 + 5 + 4 + 2 + 1 statements, and each copy repeats them all.
const STATEMENTS_PER_COPY = 16;

// 13 copies reach copy 12, the first whose made-up surname word is not padded (see nameCopy).
describe.each([1, 3, 13])("generateSyntheticDialogue({ copies: %i })", (copies) => {
  const statements = parseDialogue(generateSyntheticDialogue({ copies })).segments.flatMap((s) => s.statements);

  it("parses to 16 statements per copy", () => {
    expect(statements).toHaveLength(STATEMENTS_PER_COPY * copies);
  });

  it("gives every statement a unique id, without the parser's -2 suffix for clashes", () => {
    const ids = statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => /-\d+$/.test(id))).toEqual([]);
  });
});
