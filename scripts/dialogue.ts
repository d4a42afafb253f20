/**
 * Dialogue summaries from the command line.
 *   npm run --silent dialogue -- parse FILE    prints the parse as JSON
 *   npm run dialogue -- import FILE            imports into DATABASE_URL (unset: npm start's embedded database)
 * Bad input exits 1 with "FILE:LINE: reason" on stderr and writes nothing.
 */
import { basename } from "node:path";
import { formatDialogueError, readDialogueFile } from "@/lib/dialogue/read-dialogue-file";
import { importDialogue } from "@/lib/dialogue/import-dialogue";
import { runAsScript } from "@/lib/cli/run-cli";
import type { CliIo } from "@/lib/cli/run-cli";
import { getPrisma } from "@/lib/db";
import { withCliDatabase } from "@/lib/db/cli-database";
import { describeRosterReport } from "@/lib/dialogue/describe-roster-report";

const USAGE = "usage: npm run --silent dialogue -- parse FILE | import FILE";

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, file] = argv;
  if ((command !== "parse" && command !== "import") || !file) {
    io.err(USAGE);
    return 2;
  }
  let input: Awaited<ReturnType<typeof readDialogueFile>>;
  try {
    input = await readDialogueFile(file);
  } catch (error) {
    io.err(formatDialogueError(file, error));
    return 1;
  }
  if (command === "parse") {
    await io.out(JSON.stringify(input.parsed, null, 2) + "\n");
    return 0;
  }
  const result = await withCliDatabase(() =>
    importDialogue({ prisma: getPrisma(), ...input, sourceName: basename(file) }),
  );
  const c = result.counts;
  await io.out(
    `${result.status}: ${result.dialogueId} (${c.segments} segments, ${c.statements} statements, ` +
      `${c.sentences} sentences, ${c.summaryItems} list items, ${c.delegations} delegations)\n` +
      describeRosterReport(result.roster)
        .map((line) => `  ${line}\n`)
        .join(""),
  );
  return 0;
}

runAsScript(import.meta.url, main);
