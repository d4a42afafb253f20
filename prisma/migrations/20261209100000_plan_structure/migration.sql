-- Facilitators shape the plan's structure (issue 20): sections are added,
-- moved, nested one level inside the annex and removed. A removed section is
-- kept, with its links, threads and amendments, until a version brings it
-- back. The plan counts its structural changes, so a change made against a
-- structure that has moved on since is refused rather than applied blindly.
CREATE TYPE "SectionPart" AS ENUM ('main', 'annex');

ALTER TABLE "Plan" ADD COLUMN "structureRevision" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "PlanSection" ADD COLUMN "part" "SectionPart" NOT NULL DEFAULT 'main';
ALTER TABLE "PlanSection" ADD COLUMN "level" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "PlanSection" ADD COLUMN "removedAt" TIMESTAMP(3);

ALTER TABLE "PlanVersion" ADD COLUMN "planTitle" TEXT;

ALTER TABLE "PlanVersionSection" ADD COLUMN "part" "SectionPart" NOT NULL DEFAULT 'main';
ALTER TABLE "PlanVersionSection" ADD COLUMN "level" INTEGER NOT NULL DEFAULT 1;

-- A resolution's annex sections were seeded with the "annex-" key prefix (lib/plan/templates/ga-resolution.json).
UPDATE "PlanSection" s SET "part" = 'annex'
  FROM "Plan" p WHERE p."id" = s."planId" AND p."templateKey" = 'ga-resolution' AND s."key" LIKE 'annex-%';
UPDATE "PlanVersionSection" vs SET "part" = 'annex'
  FROM "PlanVersion" v JOIN "Plan" p ON p."id" = v."planId"
  WHERE v."id" = vs."versionId" AND p."templateKey" = 'ga-resolution' AND vs."key" LIKE 'annex-%';

-- "Paragraph 5" in a comment or an amendment's rationale is recorded as the paragraph's stable block id, so it
-- follows the paragraph when paragraphs are inserted, moved or removed (lib/plan/paragraph-references.ts).
ALTER TABLE "Comment" ADD COLUMN "paragraphRefs" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "Amendment" ADD COLUMN "rationaleRefs" JSONB NOT NULL DEFAULT '[]';
