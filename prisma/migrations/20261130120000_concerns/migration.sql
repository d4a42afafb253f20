-- The concern register (issue 6): every concern of the dialogue, and every
-- comment a facilitator marks as one, until a passage answers it or it is
-- noted with a reason. Rows for a plan's dialogue concerns are ensured by the
-- application (on seeding, resetting and reading the register), so plans
-- seeded before this migration get theirs on first read.

-- CreateEnum
CREATE TYPE "ConcernOrigin" AS ENUM ('dialogue', 'comment');

-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('raised', 'addressed', 'noted');

-- CreateTable
-- The CHECKs are hand-written (Prisma cannot model them): an entry comes from
-- exactly one origin, and a noted entry always says why.
CREATE TABLE "Concern" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "origin" "ConcernOrigin" NOT NULL,
    "summaryItemId" TEXT,
    "threadId" TEXT,
    "text" TEXT NOT NULL,
    "delegationId" TEXT,
    "status" "ConcernStatus" NOT NULL DEFAULT 'raised',
    "answerSectionId" TEXT,
    "answerBlockId" TEXT,
    "answerQuote" TEXT,
    "answerLinkId" TEXT,
    "noteReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Concern_one_origin" CHECK (
        ("origin" = 'dialogue' AND "summaryItemId" IS NOT NULL AND "threadId" IS NULL)
        OR ("origin" = 'comment' AND "threadId" IS NOT NULL AND "summaryItemId" IS NULL)
    ),
    CONSTRAINT "Concern_noted_has_reason" CHECK ("status" <> 'noted' OR "noteReason" IS NOT NULL)
);

-- CreateIndex
CREATE UNIQUE INDEX "Concern_threadId_key" ON "Concern"("threadId");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_planId_number_key" ON "Concern"("planId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_planId_summaryItemId_key" ON "Concern"("planId", "summaryItemId");

-- CreateIndex
CREATE INDEX "Concern_planId_status_idx" ON "Concern"("planId", "status");

-- CreateIndex
CREATE INDEX "Concern_delegationId_idx" ON "Concern"("delegationId");

-- CreateIndex
CREATE INDEX "Concern_answerSectionId_idx" ON "Concern"("answerSectionId");

-- CreateIndex
CREATE INDEX "Concern_answerLinkId_idx" ON "Concern"("answerLinkId");

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_summaryItemId_fkey" FOREIGN KEY ("summaryItemId") REFERENCES "SummaryItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "CommentThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_answerSectionId_fkey" FOREIGN KEY ("answerSectionId") REFERENCES "PlanSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_answerLinkId_fkey" FOREIGN KEY ("answerLinkId") REFERENCES "ProvenanceLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Concern" ADD CONSTRAINT "Concern_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
