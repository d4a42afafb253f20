/**
 * Plans from the command line.
 *   npm run plan -- seed [--dialogue ID]
 *   npm run --silent plan -- suggest --text TEXT [--limit 10] [--dialogue ID]
 *   npm run --silent plan -- export --format json [--plan ID]
 * Without --dialogue or --plan, the most recent dialogue (or its plan) is used.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { writeStdout } from "@/lib/cli/write-stdout";
import { disconnectPrisma, getPrisma } from "@/lib/db";
import { exportPlan } from "@/lib/plan/export-plan";
import { seedPlan } from "@/lib/plan/seed-plan";
import { suggestSources } from "@/lib/provenance/suggest-sources";

const USAGE = "usage: npm run plan -- seed [--dialogue ID] | suggest --text TEXT [--limit N] [--dialogue ID] | export --format json [--plan ID]";

const ZOptions = z.object({
  dialogue: z.string().min(1).optional(),
  plan: z.string().min(1).optional(),
  text: z.string().trim().min(1).max(5000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  format: z.literal("json").default("json"),
});

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true,
    options: { dialogue: { type: "string" }, plan: { type: "string" }, text: { type: "string" }, limit: { type: "string" }, format: { type: "string" } },
  });
  const options = ZOptions.parse(values);
  const [command] = positionals;
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: say which database to use");
  if (command === "seed") {
    const result = await seedPlan({ dialogueId: options.dialogue ?? (await findLatestDialogueId()) });
    console.log(`${result.status}: plan ${result.planId} (${result.sections} sections, ${result.confirmedLinks} confirmed and ${result.suggestedLinks} suggested links)`);
    return 0;
  }
  if (command === "suggest") {
    if (!options.text) throw new Error("suggest needs --text");
    const dialogueId = options.dialogue ?? (await findLatestDialogueId());
    if (!(await getPrisma().dialogue.findUnique({ where: { id: dialogueId } }))) throw new Error(`no dialogue ${dialogueId}`);
    const suggestions = await suggestSources({ dialogueId, text: options.text, limit: options.limit });
    const output = suggestions.map((s) => ({ target: s.target, score: Number(s.score.toFixed(6)), snippet: s.snippet, address: s.address }));
    await writeStdout(JSON.stringify(output, null, 2) + "\n");
    return 0;
  }
  if (command === "export") {
    const planId = options.plan ?? (await findLatestPlanId());
    if (!(await getPrisma().plan.findUnique({ where: { id: planId } }))) throw new Error(`no plan ${planId}`);
    await writeStdout(JSON.stringify(await exportPlan({ planId }), null, 2) + "\n");
    return 0;
  }
  console.error(USAGE);
  return 2;
}

async function findLatestDialogueId(): Promise<string> {
  const dialogue = await getPrisma().dialogue.findFirst({ orderBy: { date: "desc" }, select: { id: true } });
  if (!dialogue) throw new Error("no dialogue is imported: run npm run dialogue -- import FILE first");
  return dialogue.id;
}

async function findLatestPlanId(): Promise<string> {
  const plan = await getPrisma().plan.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
  if (!plan) throw new Error("no plan exists: run npm run plan -- seed first");
  return plan.id;
}

main(process.argv.slice(2))
  .then((code) => disconnectPrisma().then(() => process.exit(code)))
  .catch(async (error: unknown) => {
    console.error(error instanceof z.ZodError ? `invalid option ${error.issues[0].path.join(".")}: ${error.issues[0].message}` : (error as Error).message);
    await disconnectPrisma();
    process.exit(1);
  });
