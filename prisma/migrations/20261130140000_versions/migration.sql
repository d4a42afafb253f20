-- Plan versions (issue 7): named, automatic and before-restore snapshots of
-- every section (Yjs state and Tiptap JSON), with the links and the open
-- amendments of the moment.

-- CreateEnum
CREATE TYPE "VersionKind" AS ENUM ('named', 'auto', 'before_restore');

-- CreateTable
CREATE TABLE "PlanVersion" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "kind" "VersionKind" NOT NULL,
    "contentHash" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "links" JSONB NOT NULL,
    "amendments" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanVersionSection" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "sectionId" TEXT,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "ydoc" BYTEA,

    CONSTRAINT "PlanVersionSection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_number_key" ON "PlanVersion"("planId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersion_planId_label_key" ON "PlanVersion"("planId", "label");

-- CreateIndex
CREATE INDEX "PlanVersion_planId_createdAt_idx" ON "PlanVersion"("planId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanVersionSection_versionId_key_key" ON "PlanVersionSection"("versionId", "key");

-- CreateIndex
CREATE INDEX "PlanVersionSection_sectionId_idx" ON "PlanVersionSection"("sectionId");

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersion" ADD CONSTRAINT "PlanVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersionSection" ADD CONSTRAINT "PlanVersionSection_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PlanVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanVersionSection" ADD CONSTRAINT "PlanVersionSection_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;
