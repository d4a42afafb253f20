/**
 * A hand-labelled gold set for source suggestions, and how a ranked list is
 * scored against it. Kept apart from the benchmark so the scoring rules are
 * unit-tested: a wrong metric would make every figure wrong without a sound.
 *
 * A label names a unit by its reader address: a sentence
 * ("panel-2.gupta.s4"), a summary-list item ("should-3"), or a whole
 * statement ("panel-2.gupta"), which every one of its sentences answers —
 * suggestions are sentences, but an assessor may well label statements, as
 * the issue puts it ("the statements and list items that truly support it").
 * Addresses may carry the dialogue's id as stored ids do
 * ("<dialogueId>:panel-2.gupta"); it is dropped.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

export type GoldPassage = { id: string; topic?: string; text: string; relevant: string[] };
export type GoldSet = { name: string; description?: string; dialogueId: string; passages: GoldPassage[] };

export type Scores = {
  precisionAt5: number;
  /** Relevant in the top k over k = min(5, relevant units): precision@5 without the bound a short list sets. */
  precisionAtK: number;
  recallAt10: number;
  reciprocalRank: number;
};

const goldFileSchema = z.object({
  description: z.string().optional(),
  dialogueId: z.string().min(1),
  passages: z
    .array(
      z.object({
        id: z.string().min(1),
        topic: z.string().optional(),
        text: z.string().min(1),
        relevant: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
});

/** Reads and checks a gold file; a malformed one names the file and the field. */
export function readGoldSet(path: string): GoldSet {
  const parsed = goldFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  const prefix = `${parsed.data.dialogueId}:`;
  const strip = (address: string) => (address.startsWith(prefix) ? address.slice(prefix.length) : address);
  const passages = parsed.data.passages.map((p) => ({ ...p, relevant: p.relevant.map(strip) }));
  return { name: path.split("/").pop() ?? path, ...parsed.data, passages };
}

/** The statement a sentence address belongs to ("panel-2.gupta.s4" → "panel-2.gupta"), or null for a list item. */
export function statementOf(address: string): string | null {
  const match = /^(.+)\.s\d+$/.exec(address);
  return match ? match[1] : null;
}

/**
 * The units (sentences and list items) that answer a passage's labels: a
 * sentence or item label itself, every sentence of a statement label.
 */
export function findRelevantUnits(relevant: string[], unitAddresses: readonly string[]): Set<string> {
  const labels = new Set(relevant);
  return new Set(unitAddresses.filter((unit) => labels.has(unit) || labels.has(statementOf(unit) ?? "")));
}

/** Labels that name nothing in the dialogue: they would silently lower every score, so the run stops on them. */
export function findUnknownLabels(gold: GoldSet, unitAddresses: readonly string[]): string[] {
  const known = new Set(unitAddresses.flatMap((unit) => [unit, statementOf(unit) ?? unit]));
  return gold.passages.flatMap((p) =>
    p.relevant.filter((label) => !known.has(label)).map((label) => `${p.id}: ${label}`),
  );
}

/**
 * Scores one ranked list of unit addresses. Precision counts hits that answer
 * a label; recall counts labels answered, so a statement label is one label
 * however many of its sentences are returned.
 */
export function scoreRanking(ranked: readonly string[], labels: string[], unitAddresses: readonly string[]): Scores {
  const relevant = [...new Set(labels)];
  const relevantUnits = findRelevantUnits(relevant, unitAddresses);
  const isRelevant = (address: string) => relevantUnits.has(address);
  const k = Math.max(1, Math.min(5, relevantUnits.size));
  const top10 = ranked.slice(0, 10);
  const answered = relevant.filter((label) =>
    top10.some((address) => address === label || statementOf(address) === label),
  );
  const first = top10.findIndex(isRelevant);
  return {
    precisionAt5: ranked.slice(0, 5).filter(isRelevant).length / 5,
    precisionAtK: ranked.slice(0, k).filter(isRelevant).length / k,
    recallAt10: answered.length / relevant.length,
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
  };
}

/** The best precision@5 any ranker could reach: a passage with n < 5 relevant units reaches n/5. */
export function findPrecisionCeiling(gold: GoldSet, unitAddresses: readonly string[]): number {
  const reachable = gold.passages.map((p) => Math.min(5, findRelevantUnits(p.relevant, unitAddresses).size) / 5);
  return reachable.reduce((total, r) => total + r, 0) / reachable.length;
}
