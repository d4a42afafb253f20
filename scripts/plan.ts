/**
 * Plans from the command line.
 *   npm run plan -- seed [--dialogue ID] [--template plan-of-action|ga-resolution]
 *   npm run --silent plan -- report [--plan ID]
 *   npm run --silent plan -- suggest --text TEXT [--limit 10] [--dialogue ID]
 *   npm run --silent plan -- export --format json|md|docx|pdf [--version LABEL] [--omit-empty] [--plan ID] [--out FILE]
 *   RESTORE_ADMIN_PASSWORD=… npm run plan -- import --file FILE [--admin EMAIL]
 * Without --dialogue or --plan, the most recent dialogue (or its plan) is used.
 * Without DATABASE_URL, the embedded database of npm start (lib/db/cli-database.ts).
 * Without --out, json and md go to stdout; docx and pdf need --out. --omit-empty leaves out sections with no words
 * beyond their seeded guidance (lib/export/is-section-empty.ts).
 * Exit codes: 0 done, 1 refused or failed (the reason on stderr), 2 usage.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { stat, readFile, writeFile } from "node:fs/promises";
import { runAsScript } from "@/lib/cli/run-cli";
import type { CliIo } from "@/lib/cli/run-cli";
import { getPrisma } from "@/lib/db";
import { withCliDatabase } from "@/lib/db/cli-database";
import { env } from "@/lib/env";
import { MAX_BACKUP_BYTES } from "@/lib/export/backup-schema";
import { exportPlanFile, ZExportFormat } from "@/lib/export/export-plan-file";
import { importBackup } from "@/lib/export/import-backup";
import { seedPlan } from "@/lib/plan/seed-plan";
import { formatSeedingReport } from "@/lib/plan/format-seeding-report";
import { readSeedingReport } from "@/lib/plan/seeding-report";
import { DEFAULT_TEMPLATE_KEY, findPlanTemplate, TEMPLATE_KEYS } from "@/lib/plan/templates";
import { suggestSources } from "@/lib/provenance/suggest-sources";

const USAGE =
  "usage: npm run plan -- seed [--dialogue ID] [--template KEY] | report [--plan ID] | suggest --text TEXT [--limit N] [--dialogue ID]" +
  " | export --format json|md|docx|pdf [--version LABEL] [--omit-empty] [--plan ID] [--out FILE] | import --file FILE [--admin EMAIL]";

const ZOptions = z.object({
  dialogue: z.string().min(1).optional(),
  plan: z.string().min(1).optional(),
  text: z.string().trim().min(1).max(5000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  format: ZExportFormat.default("json"),
  version: z.string().min(1).max(200).optional(),
  out: z.string().min(1).optional(),
  file: z.string().min(1).optional(),
  admin: z.string().email().optional(),
  template: z.string().min(1).optional(),
  "omit-empty": z.boolean().default(false),
});

export async function main(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dialogue: { type: "string" },
        plan: { type: "string" },
        text: { type: "string" },
        limit: { type: "string" },
        format: { type: "string" },
        version: { type: "string" },
        out: { type: "string" },
        file: { type: "string" },
        admin: { type: "string" },
        template: { type: "string" },
        "omit-empty": { type: "boolean" },
      },
    });
  } catch (error) {
    // An unknown option or one without its value is a usage error, like an unknown command.
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const options = ZOptions.parse(values);
  const [command] = positionals;
  if (!COMMANDS.includes(command)) {
    io.err(USAGE);
    return 2;
  }
  return withCliDatabase(() => runCommand(command, options, io));
}

const COMMANDS = ["seed", "report", "suggest", "export", "import"];

async function runCommand(command: string, options: z.infer<typeof ZOptions>, io: CliIo): Promise<number> {
  if (command === "seed") {
    const templateKey = options.template ?? DEFAULT_TEMPLATE_KEY;
    if (!findPlanTemplate(templateKey)) {
      io.err(`no template "${templateKey}": one of ${TEMPLATE_KEYS.join(", ")}`);
      return 2;
    }
    const dialogueId = options.dialogue ?? (await findLatestDialogueId());
    const result = await seedPlan({ dialogueId, templateKey });
    await io.out(
      `${result.status}: plan ${result.planId} (${result.sections} sections, ${result.confirmedLinks} confirmed and ${result.suggestedLinks} suggested links) from the ${result.templateKey} template\n\n`,
    );
    await io.out(formatSeedingReport(await readSeedingReport({ planId: result.planId })));
    return 0;
  }
  if (command === "report") {
    await io.out(formatSeedingReport(await readSeedingReport({ planId: options.plan ?? (await findLatestPlanId()) })));
    return 0;
  }
  if (command === "suggest") {
    if (!options.text) throw new Error("suggest needs --text");
    const dialogueId = options.dialogue ?? (await findLatestDialogueId());
    if (!(await getPrisma().dialogue.findUnique({ where: { id: dialogueId } })))
      throw new Error(`no dialogue ${dialogueId}`);
    const suggestions = await suggestSources({ dialogueId, text: options.text, limit: options.limit });
    const output = suggestions.map((s) => ({
      target: s.target,
      score: Number(s.score.toFixed(6)),
      snippet: s.snippet,
      address: s.address,
    }));
    await io.out(JSON.stringify(output, null, 2) + "\n");
    return 0;
  }
  if (command === "export") {
    const planId = options.plan ?? (await findLatestPlanId());
    if (!(await getPrisma().plan.findUnique({ where: { id: planId } }))) throw new Error(`no plan ${planId}`);
    if (!options.out && (options.format === "docx" || options.format === "pdf")) {
      io.err(`export --format ${options.format} needs --out FILE (it is a binary file)`);
      return 2;
    }
    // The CLI is run by whoever holds the database, so it writes the full backup (viewer null).
    const file = await exportPlanFile({
      planId,
      format: options.format,
      versionLabel: options.version ?? null,
      isOmittingEmpty: options["omit-empty"],
    });
    if (options.out) {
      await writeFile(options.out, file.body);
      io.err(`wrote ${options.out} (${file.body.length} bytes, ${options.format})`);
    } else {
      await io.out(file.body.toString("utf8"));
    }
    return 0;
  }
  if (command === "import") {
    if (!options.file) {
      io.err("import needs --file FILE");
      return 2;
    }
    // Checked before reading, so a huge file is refused without loading it.
    if ((await stat(options.file)).size > MAX_BACKUP_BYTES)
      throw new Error(
        `${options.file} is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB: not a backup; nothing was imported`,
      );
    // The password comes from the environment, never the command line, where other users' `ps` would show it.
    const password = env.RESTORE_ADMIN_PASSWORD;
    if (options.admin && !password)
      throw new Error("--admin needs the new password in RESTORE_ADMIN_PASSWORD; nothing was imported");
    const admin = options.admin ? { email: options.admin, password: password! } : null;
    const result = await importBackup({ text: await readFile(options.file, "utf8"), admin });
    await io.out(
      `restored plan ${result.planId} of dialogue ${result.dialogueId} (${Object.entries(result.counts)
        .map(([name, n]) => `${n} ${name}`)
        .join(", ")})\n`,
    );
    await io.out(
      `${
        admin
          ? `${admin.email} can sign in with the password from RESTORE_ADMIN_PASSWORD; every other account was restored without a password: give each a password reset link from /admin/users.`
          : "Every account was restored without a password: pass --admin EMAIL (with RESTORE_ADMIN_PASSWORD) to give one admin a password."
      }\n`,
    );
    return 0;
  }
  io.err(USAGE);
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

runAsScript(import.meta.url, main);
