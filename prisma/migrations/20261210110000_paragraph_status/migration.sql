-- Paragraph status in a negotiation (issue 21): a facilitator marks a paragraph "agreed ad ref" or "agreed"; a
-- paragraph without a row is pending. The text it was set on is kept, so a save that changes the paragraph's words
-- drops it back to pending (lib/plan/drop-changed-statuses.ts).
CREATE TYPE "ParagraphAgreement" AS ENUM ('agreed_ad_ref', 'agreed');

CREATE TABLE "ParagraphStatus" (
    "planId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "blockId" TEXT NOT NULL,
    "status" "ParagraphAgreement" NOT NULL,
    "text" TEXT NOT NULL,
    "setById" TEXT,
    "setAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParagraphStatus_pkey" PRIMARY KEY ("sectionId", "blockId")
);

CREATE INDEX "ParagraphStatus_planId_idx" ON "ParagraphStatus"("planId");

ALTER TABLE "ParagraphStatus" ADD CONSTRAINT "ParagraphStatus_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
