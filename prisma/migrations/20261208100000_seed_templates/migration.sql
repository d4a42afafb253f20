-- Plans are seeded from a chosen template (lib/plan/templates/), and seeding
-- records where it put each list item and why: the seeding report.
ALTER TABLE "Plan" ADD COLUMN IF NOT EXISTS "templateKey" TEXT NOT NULL DEFAULT 'plan-of-action';

CREATE TYPE "SeedMethod" AS ENUM ('list', 'key_phrase', 'similarity', 'fallback');

CREATE TABLE "SeedPlacement" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "summaryItemId" TEXT NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "sectionTitle" TEXT NOT NULL,
    "method" "SeedMethod" NOT NULL,
    "evidence" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedPlacement_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SeedPlacement_planId_summaryItemId_sectionKey_key" ON "SeedPlacement"("planId", "summaryItemId", "sectionKey");
CREATE INDEX "SeedPlacement_planId_idx" ON "SeedPlacement"("planId");

ALTER TABLE "SeedPlacement" ADD CONSTRAINT "SeedPlacement_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SeedPlacement" ADD CONSTRAINT "SeedPlacement_summaryItemId_fkey" FOREIGN KEY ("summaryItemId") REFERENCES "SummaryItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
