/**
 * A numbered paragraph's runs as print shows them: its opening phrase in
 * italics and its closing punctuation replaced by the ending the reader gives
 * (lib/editor/passages.ts applyEnding), with the footnotes that stood after
 * its last word moved after the ending ("act;¹", not "act¹;").
 */
import { applyEnding } from "@/lib/editor/passages";
import type { ParagraphNumber } from "@/lib/editor/passages";
import type { TRun, TTextRun } from "./export-document";

export function printParagraphRuns({
  runs,
  text,
  number,
}: {
  runs: readonly TRun[];
  /** The passage's words as the reader reads them: its text runs joined. */
  text: string;
  number: Pick<ParagraphNumber, "ending" | "openingLength">;
}): TRun[] {
  // applyEnding decides how much of the text stays; the runs are cut at the same place, so print and reader agree.
  const keep = applyEnding(text, number.ending).length - number.ending.length;
  const printed: TRun[] = [];
  const trailing: TRun[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.kind !== "text") {
      if (at < keep) printed.push(run);
      else if (run.kind === "footnote") trailing.push(run);
      continue;
    }
    // Words print adds (a bracket, a status) stay whole and do not count against the text; a closing bracket at the very end stays too.
    if (run.isInserted) {
      if (at <= keep) printed.push(run);
      continue;
    }
    const kept = run.text.slice(0, Math.max(0, keep - at));
    printed.push(...italicizeOpening(run, kept, at, number.openingLength));
    at += run.text.length;
  }
  return [...printed, { kind: "text", text: number.ending }, ...trailing];
}

/** The kept part of a text run starting at `at`, split where the opening phrase ends. */
function italicizeOpening(run: TTextRun, kept: string, at: number, openingLength: number): TTextRun[] {
  const split = Math.min(kept.length, Math.max(0, openingLength - at));
  const parts: TTextRun[] = [];
  if (split > 0) parts.push({ ...run, text: kept.slice(0, split), italic: true });
  if (kept.length > split) parts.push({ ...run, text: kept.slice(split) });
  return parts;
}
