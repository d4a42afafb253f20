-- CreateEnum
CREATE TYPE "LinkRelation" AS ENUM ('derived_from', 'supports', 'quotes', 'responds_to_concern');

-- CreateEnum
CREATE TYPE "LinkStatus" AS ENUM ('suggested', 'confirmed', 'rejected', 'suspect');

-- CreateEnum
CREATE TYPE "SourceType" AS ENUM ('statement', 'summary_item');

-- CreateTable
CREATE TABLE "Plan" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanSection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "guidance" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvenanceLink" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "blockId" TEXT NOT NULL DEFAULT '',
    "quoteExact" TEXT NOT NULL DEFAULT '',
    "quotePrefix" TEXT NOT NULL DEFAULT '',
    "quoteSuffix" TEXT NOT NULL DEFAULT '',
    "targetType" "SourceType" NOT NULL,
    "targetKey" TEXT NOT NULL,
    "statementId" TEXT,
    "sentenceId" TEXT,
    "summaryItemId" TEXT,
    "relation" "LinkRelation" NOT NULL,
    "status" "LinkStatus" NOT NULL,
    "score" DOUBLE PRECISION,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "ProvenanceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoverageExclusion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoverageExclusion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Plan_dialogueId_idx" ON "Plan"("dialogueId");

-- CreateIndex
CREATE INDEX "PlanSection_planId_position_idx" ON "PlanSection"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSection_planId_key_key" ON "PlanSection"("planId", "key");

-- CreateIndex
CREATE INDEX "ProvenanceLink_planId_status_idx" ON "ProvenanceLink"("planId", "status");

-- CreateIndex
CREATE INDEX "ProvenanceLink_statementId_idx" ON "ProvenanceLink"("statementId");

-- CreateIndex
CREATE INDEX "ProvenanceLink_sentenceId_idx" ON "ProvenanceLink"("sentenceId");

-- CreateIndex
CREATE INDEX "ProvenanceLink_summaryItemId_idx" ON "ProvenanceLink"("summaryItemId");

-- CreateIndex
CREATE UNIQUE INDEX "ProvenanceLink_sectionId_blockId_targetKey_relation_key" ON "ProvenanceLink"("sectionId", "blockId", "targetKey", "relation");

-- CreateIndex
CREATE UNIQUE INDEX "CoverageExclusion_planId_targetType_targetId_key" ON "CoverageExclusion"("planId", "targetType", "targetId");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvenanceLink" ADD CONSTRAINT "ProvenanceLink_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvenanceLink" ADD CONSTRAINT "ProvenanceLink_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvenanceLink" ADD CONSTRAINT "ProvenanceLink_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvenanceLink" ADD CONSTRAINT "ProvenanceLink_sentenceId_fkey" FOREIGN KEY ("sentenceId") REFERENCES "Sentence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvenanceLink" ADD CONSTRAINT "ProvenanceLink_summaryItemId_fkey" FOREIGN KEY ("summaryItemId") REFERENCES "SummaryItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvenanceLink" ADD CONSTRAINT "ProvenanceLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvenanceLink" ADD CONSTRAINT "ProvenanceLink_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageExclusion" ADD CONSTRAINT "CoverageExclusion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageExclusion" ADD CONSTRAINT "CoverageExclusion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
