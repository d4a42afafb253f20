/**
 * The configuration table, from lib/env.ts.
 *   npx tsx scripts/env-table.ts            prints it
 *   npm run docs:env                        (--write) rewrites it in docs/operations/configuration.md
 */
import { readFileSync, writeFileSync } from "node:fs";
import { renderEnvTable, replaceEnvTable } from "@/lib/env-table";

const CONFIGURATION_DOC = new URL("../docs/operations/configuration.md", import.meta.url);

const table = renderEnvTable();
if (process.argv.includes("--write")) {
  const before = readFileSync(CONFIGURATION_DOC, "utf8");
  const after = replaceEnvTable(before, table);
  writeFileSync(CONFIGURATION_DOC, after);
  console.log(
    after === before
      ? "docs/operations/configuration.md: already current"
      : "docs/operations/configuration.md: table rewritten",
  );
} else {
  console.log(table);
}
