import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import type { TestProjectInlineConfiguration } from "vitest/config";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));

/** End-to-end files that count every table's rows to prove a refused request wrote nothing: they run alone. */
const SERIAL_E2E = ["test/e2e/**/*-api.test.ts"];
/** Security files that count every table's rows the same way. */
const SERIAL_SECURITY = ["test/security/fuzz-routes.test.ts", "test/security/csrf.test.ts"];

/**
 * A project of files run against the served app: a production build and `next start` with the collaboration
 * server, on a fresh database, and Chromium (test/support/e2e-setup.ts, one served app for every such project of a
 * run). The groups run one after another, in order; within one, `workers` files at a time.
 */
function servedProject(options: {
  name: string;
  group: number;
  include: string[];
  exclude?: string[];
  workers: number;
}): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: options.name,
      include: options.include,
      exclude: options.exclude ?? [],
      environment: "node",
      globalSetup: ["test/support/e2e-setup.ts"],
      fileParallelism: options.workers > 1,
      maxWorkers: options.workers,
      sequence: { groupOrder: options.group },
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  // The same `@/` alias as tsconfig.json, so tests import code the way the app does.
  resolve: { alias: { "@": repoRoot } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          // Creates one fresh migrated database for the run and drops it after.
          globalSetup: ["test/support/integration-setup.ts"],
          // The files share that database, so they run one at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "faults",
          include: ["test/faults/**/*.test.ts"],
          environment: "node",
          // No shared database: each file starts (and stops, and restarts)
          // its own embedded PostgreSQL, so they run one at a time.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
      // Files run side by side: each one that writes works on rows of its own (its own plan, dialogue or accounts;
      // test/support/factories.ts), and the pages mostly wait on the network, not the processor. Two at a time: a
      // third Chromium on two cores slowed pages past their timeouts.
      servedProject({ name: "e2e", group: 1, include: ["test/e2e/**/*.test.ts"], exclude: SERIAL_E2E, workers: 2 }),
      // These prove that a refused request wrote nothing by counting every table: no other file may write meanwhile.
      servedProject({ name: "e2e-serial", group: 2, include: SERIAL_E2E, workers: 1 }),
      // XSS, headers, sockets and sign-in limits: each file plays its own clients and accounts.
      servedProject({
        name: "security",
        group: 3,
        include: ["test/security/**/*.test.ts"],
        exclude: SERIAL_SECURITY,
        workers: 2,
      }),
      servedProject({ name: "security-serial", group: 4, include: SERIAL_SECURITY, workers: 1 }),
    ],
  },
});
