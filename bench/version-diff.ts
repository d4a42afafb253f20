/**
 * How long does comparing two versions of a large plan take? A 200-section
 * plan (synthetic text, about 150 words a section in five passages, a
 * citation in every tenth section) is issued as "Zero draft"; then a
 * fifth of the sections are edited (words replaced, a sentence added, a
 * sentence deleted, a citation dropped) and "Rev.1" is issued. compare-
 * versions (both versions read from PostgreSQL, every section diffed word by
 * word, citations compared) is timed over repeated runs, and so is the
 * comparison of Zero draft with the live draft. Target: p95 under 300 ms.
 * Creating a version and restoring the whole plan are timed once, for scale.
 * Then the thinning of aged automatic versions: a seeded 12-section plan gets
 * 6 automatic versions a day for 60 days; the first automatic snapshot after
 * that prunes all but the last of each day (timed once), and later ones find
 * nothing to prune (timed over repeated runs).
 *
 *   npx tsx bench/version-diff.ts [--sections 200] [--runs 50]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { JSONContent } from "@tiptap/core";
import type { CurrentUser } from "@/lib/auth/current-user";
import { toPlainText } from "@/lib/editor/plan-document";
import { compareVersions } from "@/lib/versions/compare-versions";
import { createVersion } from "@/lib/versions/create-version";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { seedPlan } from "@/lib/plan/seed-plan";
import { restoreVersion } from "@/lib/versions/restore-version";
import { takeAutoSnapshot } from "@/lib/versions/take-auto-snapshot";
import { writeVersion } from "@/lib/versions/write-version";
import { resetToSeedDialogue, SEED_DIALOGUE_ID } from "@/test/support/seed-database";
import {
  findPercentile,
  formatMs,
  log,
  reportFigure,
  reportUpperBound,
  seededRandom,
  withBenchDatabase,
} from "./bench-support";

const VOCABULARY = (
  "states shall strengthen cooperation prevent trafficking protect victims prosecute offenders national action plans " +
  "data collection assistance shelters rehabilitation reintegration migrants women children labour exploitation " +
  "criminal justice capacity building regional international organizations civil society partnerships awareness " +
  "campaigns demand root causes poverty gender equality human rights monitoring evaluation resources funding"
).split(" ");

function sentence(next: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]);
  return `${picked.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
}

/** Five passages of about 30 words (two or three sentences each), with a citation at the end of the first when given. */
function sectionContent(next: () => number, key: string, linkId: string | null): JSONContent {
  return {
    type: "doc",
    content: Array.from({ length: 5 }, (_, i) => {
      const text = [sentence(next, 10), sentence(next, 12), sentence(next, 8)].join(" ");
      const citation = i === 0 && linkId ? [{ type: "citation", attrs: { linkId } }] : [];
      return { type: "paragraph", attrs: { blockId: `${key}.p${i}` }, content: [{ type: "text", text }, ...citation] };
    }),
  };
}

/** A facilitator's edits to one section: two words replaced, a sentence added to one passage and one deleted from another, the citation dropped. */
function editContent(next: () => number, content: JSONContent): JSONContent {
  const passages = structuredClone(content.content!);
  const text = (i: number) => passages[i].content![0].text as string;
  const setText = (i: number, value: string) => (passages[i].content![0].text = value);
  const words = text(1).split(" ");
  for (let n = 0; n < 2; n++)
    words[Math.floor(next() * words.length)] = VOCABULARY[Math.floor(next() * VOCABULARY.length)];
  setText(1, words.join(" "));
  setText(2, `${text(2)} ${sentence(next, 14)}`);
  setText(3, text(3).split(". ").slice(1).join(". "));
  passages[0].content = passages[0].content!.filter((node) => node.type !== "citation");
  return { ...content, content: passages };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sections: { type: "string", default: "200" }, runs: { type: "string", default: "50" } },
  });
  const sectionCount = Number(values.sections);
  const runs = Number(values.runs);
  await withBenchDatabase(async (prisma) => {
    log("importing the 2009 dialogue …");
    await resetToSeedDialogue();
    const items = await prisma.summaryItem.findMany({ where: { dialogueId: SEED_DIALOGUE_ID }, select: { id: true } });
    const user = await prisma.user.create({
      data: { email: "facilitator@bench.local", name: "Bench facilitator", role: "facilitator", passwordHash: "x" },
    });
    const facilitator: CurrentUser = { ...user, delegation: null };
    log(`building a ${sectionCount}-section plan …`);
    const next = seededRandom(7);
    const plan = await prisma.plan.create({ data: { dialogueId: SEED_DIALOGUE_ID, title: "Synthetic plan" } });
    const sections: { id: string; key: string; content: JSONContent }[] = [];
    for (let i = 0; i < sectionCount; i++) {
      const key = `section-${i + 1}`;
      const section = await prisma.planSection.create({
        data: { planId: plan.id, key, title: `Section ${i + 1}`, position: i, guidance: "", content: {}, text: "" },
      });
      const link =
        i % 10 === 0
          ? await prisma.provenanceLink.create({
              data: {
                planId: plan.id,
                sectionId: section.id,
                blockId: `${key}.p0`,
                targetType: "summary_item",
                targetKey: `summary-item:${items[i % items.length].id}`,
                summaryItemId: items[i % items.length].id,
                relation: "supports",
                status: "confirmed",
                cited: true,
              },
            })
          : null;
      const content = sectionContent(next, key, link?.id ?? null);
      await prisma.planSection.update({
        where: { id: section.id },
        data: { content: content as object, text: toPlainText(content) },
      });
      sections.push({ id: section.id, key, content });
    }
    const words = (await prisma.planSection.findMany({ where: { planId: plan.id }, select: { text: true } })).reduce(
      (sum, s) => sum + s.text.split(/\s+/).length,
      0,
    );

    let started = performance.now();
    const zero = await createVersion({ actor: facilitator, planId: plan.id, input: { label: "Zero draft" } });
    const createMs = performance.now() - started;
    const edited = sections.filter((_, i) => i % 5 === 0);
    for (const section of edited) {
      const content = editContent(next, section.content);
      await prisma.planSection.update({
        where: { id: section.id },
        data: { content: content as object, text: toPlainText(content) },
      });
    }
    const rev1 = await createVersion({ actor: facilitator, planId: plan.id, input: { label: "Rev.1" } });

    const time = async (input: { from: string; to: string }) => {
      const times: number[] = [];
      let last;
      // The first runs compile the queries and warm the diff; they are not counted.
      for (let run = -3; run < runs; run++) {
        started = performance.now();
        last = await compareVersions({ viewer: facilitator, planId: plan.id, input });
        if (run >= 0) times.push(performance.now() - started);
      }
      return { times, result: last! };
    };
    const memoryBefore = process.memoryUsage();
    const versions = await time({ from: zero.id, to: rev1.id });
    const live = await time({ from: zero.id, to: "live" });
    const memoryAfter = process.memoryUsage();
    // Once, for scale: the whole plan back to Zero draft through Yjs (a before-restore version first, then every section's document).
    started = performance.now();
    const restored = await restoreVersion({ actor: facilitator, planId: plan.id, input: { versionId: zero.id } });
    const restoreMs = performance.now() - started;

    const { totals } = versions.result;
    const citations = versions.result.sections.reduce((sum, s) => sum + s.citationsRemoved.length, 0);
    const row = (label: string, values: number[]) =>
      `${label.padEnd(36)}${[50, 95, 99].map((p) => formatMs(findPercentile(values, p)).padStart(10)).join("")}`;
    console.log(
      `\n${sectionCount} sections, ${words} words; ${edited.length} sections edited between the versions (${totals.sectionsChanged} changed, +${totals.wordsAdded} / −${totals.wordsRemoved} words, ${citations} citations dropped); ${runs} runs each`,
    );
    console.log(`${"".padEnd(36)}${["p50 ms", "p95 ms", "p99 ms"].map((h) => h.padStart(10)).join("")}`);
    console.log(row("compare Zero draft → Rev.1", versions.times));
    console.log(row("compare Zero draft → live draft", live.times));
    console.log(`create a version (snapshot + summary): ${formatMs(createMs)} ms (once)`);
    console.log(
      `restore the whole plan from Zero draft (${restored.restored.length} sections rewritten through Yjs, ${restored.unchanged.length} unchanged): ${formatMs(restoreMs)} ms (once)`,
    );
    console.log(`target: p95 under 300 ms — ${findPercentile(versions.times, 95) < 300 ? "met" : "NOT met"}`);
    reportUpperBound({
      name: `compare two versions p95, ${sectionCount} sections`,
      value: findPercentile(versions.times, 95),
      unit: "ms",
      limit: 300,
    });
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    console.log(
      `memory: RSS ${mb(memoryBefore.rss)} → ${mb(memoryAfter.rss)}, heap used ${mb(memoryBefore.heapUsed)} → ${mb(memoryAfter.heapUsed)}; one comparison's JSON ${(JSON.stringify(versions.result).length / 1024).toFixed(0)} KB`,
    );
    await benchThinning(prisma, runs);
  });
}

const THINNING_DAYS = 60;
const AUTO_VERSIONS_A_DAY = 6;

/** The automatic snapshot that prunes two months of automatic versions, and the ones after it, which prune nothing. */
async function benchThinning(prisma: PrismaClient, runs: number): Promise<void> {
  log(
    `writing ${THINNING_DAYS * AUTO_VERSIONS_A_DAY} automatic versions of a 12-section plan over ${THINNING_DAYS} days …`,
  );
  // A dialogue has one plan: the synthetic one above makes way for the seeded one.
  await prisma.plan.deleteMany({ where: { dialogueId: SEED_DIALOGUE_ID } });
  const { planId } = await seedPlan({ dialogueId: SEED_DIALOGUE_ID });
  const day = 86_400_000;
  // From THINNING_DAYS + 1 days ago to 2 days ago: every one older than a day.
  for (let d = THINNING_DAYS + 1; d >= 2; d--) {
    for (let n = 0; n < AUTO_VERSIONS_A_DAY; n++) {
      const now = new Date(Date.now() - d * day + n * 600_000);
      await prisma.$transaction((tx) => writeVersion({ tx, planId, kind: "auto", createdById: null, now }));
    }
  }
  const section = await prisma.planSection.findFirstOrThrow({ where: { planId }, select: { id: true, text: true } });
  let edits = 0;
  // Each snapshot needs a change, as a real one would (identical content is skipped).
  const edit = () =>
    prisma.planSection.update({
      where: { id: section.id },
      data: {
        content: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: `Edit ${++edits}` }] }],
        },
      },
    });
  const sectionsBefore = await prisma.planVersionSection.count();
  await edit();
  let started = performance.now();
  const first = await takeAutoSnapshot({ planId });
  const firstMs = performance.now() - started;
  const pruned = first.status === "taken" ? first.pruned.length : 0;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await edit();
    started = performance.now();
    await takeAutoSnapshot({ planId });
    times.push(performance.now() - started);
  }
  const left = await prisma.planVersion.count({ where: { planId } });
  console.log(
    `\nthinning: ${THINNING_DAYS * AUTO_VERSIONS_A_DAY} automatic versions over ${THINNING_DAYS} days (${sectionsBefore} version sections in the database)`,
  );
  console.log(
    `the snapshot that thins them: ${formatMs(firstMs)} ms (once; pruned ${pruned}, ${left} versions left after ${runs} more)`,
  );
  console.log(
    `later snapshots (nothing to prune): p50 ${formatMs(findPercentile(times, 50))} ms, p95 ${formatMs(findPercentile(times, 95))} ms`,
  );
  reportFigure({ name: "automatic snapshot that thins 2 months of versions", value: Math.round(firstMs), unit: "ms" });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
