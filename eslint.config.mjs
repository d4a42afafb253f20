// ESLint: Next's rules (core web vitals, TypeScript), and the import boundaries
// that keep the shape of the codebase (docs/architecture.md):
//   - no next/* in lib/ outside lib/auth/ (sessions) and lib/http/ (the responder);
//   - no Prisma in app/ or components/: pages and routes call lib/;
//   - no lib/<domain> imports lib/collab/, and lib/collab/ imports no page code;
//   - code the browser runs (components/, lib/editor/) takes zod from lib/validation/zod.ts, which keeps it from
//     probing for eval under our Content-Security-Policy.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const noPrisma = {
  group: ["@/lib/db", "@/lib/generated/*", "@prisma/*"],
  message: "Pages, routes and components call lib/ functions; Prisma stays in lib/.",
};
const noNext = {
  group: ["next", "next/*", "next-auth", "next-auth/*"],
  message: "Domain code must not depend on Next.js (see lib/auth/ and lib/http/).",
};
const noCollab = {
  group: ["@/lib/collab/*"],
  message: "lib/collab/ is the collaboration process; domain code must not import it.",
};
const browserZod = {
  name: "zod",
  message: 'Code the browser runs imports z from "@/lib/validation/zod" (no eval under our CSP).',
};
const noPageCode = { group: ["@/app/*", "@/components/*"], message: "The collaboration process imports no page code." };

const config = [
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // A leading underscore names what is destructured only to be left out.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // The React Compiler's rules. Our fetch-on-mount hooks (use-threads, use-amendments), the collab socket and the
      // anchor alignment set state in effects and read refs in render on purpose; they stay warnings until those hooks
      // move to a data layer (issue 17).
      "react-hooks/set-state-in-effect": "warn",
      "react-hooks/refs": "warn",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noPrisma] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noPrisma], paths: [browserZod] }] },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/auth/**", "lib/http/**", "lib/collab/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noNext, noCollab] }] },
  },
  {
    files: ["lib/collab/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noNext, noPageCode] }] },
  },
  {
    files: ["lib/editor/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noNext, noCollab], paths: [browserZod] }] },
  },
];

export default config;
