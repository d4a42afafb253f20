-- Amendments (issue 6): delegations propose replace / insert / delete on a
-- passage with a rationale, others co-sponsor, facilitators decide. An
-- accepted amendment becomes a provenance source of the passage.

-- AlterEnum
ALTER TYPE "SourceType" ADD VALUE 'amendment';

-- CreateEnum
CREATE TYPE "AmendmentKind" AS ENUM ('replace', 'insert_after', 'delete');

-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('pending', 'accepted', 'rejected', 'withdrawn');

-- CreateTable
CREATE TABLE "Amendment" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "sectionId" TEXT NOT NULL,
    "blockId" TEXT NOT NULL,
    "quoteExact" TEXT NOT NULL,
    "quotePrefix" TEXT NOT NULL DEFAULT '',
    "quoteSuffix" TEXT NOT NULL DEFAULT '',
    "kind" "AmendmentKind" NOT NULL,
    "newText" TEXT NOT NULL DEFAULT '',
    "rationale" TEXT NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'pending',
    "delegationId" TEXT,
    "authorId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Amendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AmendmentSponsor" (
    "id" TEXT NOT NULL,
    "amendmentId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AmendmentSponsor_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "ProvenanceLink" ADD COLUMN "amendmentId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Amendment_planId_number_key" ON "Amendment"("planId", "number");

-- CreateIndex
CREATE INDEX "Amendment_sectionId_idx" ON "Amendment"("sectionId");

-- CreateIndex
CREATE INDEX "Amendment_planId_status_idx" ON "Amendment"("planId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AmendmentSponsor_amendmentId_delegationId_key" ON "AmendmentSponsor"("amendmentId", "delegationId");

-- CreateIndex
CREATE INDEX "ProvenanceLink_amendmentId_idx" ON "ProvenanceLink"("amendmentId");

-- AddForeignKey
ALTER TABLE "ProvenanceLink" ADD CONSTRAINT "ProvenanceLink_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Amendment" ADD CONSTRAINT "Amendment_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentSponsor" ADD CONSTRAINT "AmendmentSponsor_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "Amendment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentSponsor" ADD CONSTRAINT "AmendmentSponsor_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmendmentSponsor" ADD CONSTRAINT "AmendmentSponsor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
