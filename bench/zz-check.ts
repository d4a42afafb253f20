import { generateSyntheticDialogue } from "@/bench/synthetic-dialogue";
import { parseDialogue } from "@/lib/dialogue/parse-dialogue";
import { readFileSync } from "node:fs";
const seed = parseDialogue(readFileSync("prisma/seed/ga-dialogue-2009-05-13-human-trafficking.md", "utf8"));
for (const copies of [1, 3, 100]) {
  const text = generateSyntheticDialogue({ copies });
  const t0 = performance.now();
  const d = parseDialogue(text);
  const ms = performance.now() - t0;
  const st = d.segments.flatMap((s) => s.statements);
  const ids = new Set(st.map((s) => s.id));
  const speakers = new Set(st.map((s) => s.speaker.name));
  console.log(copies, d.slug, Buffer.byteLength(text), "segments", d.segments.length, "st", st.length, "uniq", ids.size, "speakers", speakers.size,
    "sentences", st.reduce((a, s) => a + s.sentences.length, 0), "deleg", d.delegations.length,
    Object.fromEntries(["consensus","gaps","inFavour","should","concerns"].map((l) => [l, (d.summary as any)[l].length])), "notes", d.summary.notes.length, ms.toFixed(0) + "ms");
  if (copies <= 3) {
    const seedSt = seed.segments.flatMap((s) => s.statements);
    const mismatch = st.filter((s, i) => s.text !== seedSt[i % 16].text || s.sentences.length !== seedSt[i % 16].sentences.length).length;
    const kp = (["consensus","gaps","inFavour","should","concerns"] as const).every((l) => d.summary[l].every((it, i) => JSON.stringify(it.keyPhrases) === JSON.stringify(seed.summary[l][i % seed.summary[l].length].keyPhrases) && it.text === seed.summary[l][i % seed.summary[l].length].text));
    console.log(" text mismatches", mismatch, "keyphrases ok", kp, "links", d.segments.map(s=>s.links.length).join(","), "notes", d.segments.map(s=>s.notes.length).join(","), "delegated speakers", st.filter(s=>s.speaker.delegation).length, seed.segments.flatMap(s=>s.statements).filter(s=>s.speaker.delegation).length);
    console.log(d.segments.map(s=>s.key).join(" "));
  }
}
