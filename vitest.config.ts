import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));

/** End-to-end files that count every table's rows to prove a refused request wrote nothing: they run alone. */
const SERIAL_E2E = ["test/e2e/**/*-api.test.ts"];
/** Security files that count every table's rows the same way. */
const SERIAL_SECURITY = ["test/security/fuzz-routes.test.ts", "test/security/csrf.test.ts"];

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
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          exclude: [...SERIAL_E2E],
          environment: "node",
          // Builds the app, serves it against a fresh database, and checks for Chromium: one served app for this
          // project and the two below, in the same run.
          globalSetup: ["test/support/e2e-setup.ts"],
          // Files run side by side: each one that writes works on rows of its own (its own plan, dialogue or
          // accounts; test/support/factories.ts), and the pages mostly wait on the network, not the processor.
          // Two at a time: a third Chromium on two cores slowed pages past their timeouts.
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e-serial",
          include: [...SERIAL_E2E],
          environment: "node",
          globalSetup: ["test/support/e2e-setup.ts"],
          // These prove that a refused request wrote nothing by counting every table: no other file may write
          // meanwhile, so they run one at a time, after the files above.
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "security",
          include: ["test/security/**/*.test.ts"],
          exclude: [...SERIAL_SECURITY],
          environment: "node",
          // The same served app as e2e: XSS, headers, sockets and sign-in limits against the real server and
          // Chromium, two files at a time after the end-to-end files (each plays its own clients and accounts).
          globalSetup: ["test/support/e2e-setup.ts"],
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 3 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "security-serial",
          include: [...SERIAL_SECURITY],
          environment: "node",
          globalSetup: ["test/support/e2e-setup.ts"],
          // Fuzzing and CSRF prove a refused request wrote nothing by counting every table: one at a time, last.
          fileParallelism: false,
          sequence: { groupOrder: 4 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
