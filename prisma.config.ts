import { defineConfig } from "prisma/config";

// Prisma Migrate's schema engine cannot be downloaded on our machines, so the
// CLI is only used for `prisma generate`; migrations run through
// lib/db/migrate.ts. The URL is optional here so generate works without a database.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
