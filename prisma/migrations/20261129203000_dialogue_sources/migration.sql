-- CreateEnum
CREATE TYPE "SegmentKind" AS ENUM ('opening', 'panel', 'session', 'closing');

-- CreateEnum
CREATE TYPE "SummaryList" AS ENUM ('consensus', 'gaps', 'inFavour', 'should', 'concerns');

-- CreateTable
CREATE TABLE "Dialogue" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT,
    "venue" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "sourceText" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dialogue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "SegmentKind" NOT NULL,
    "number" INTEGER,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "links" JSONB NOT NULL DEFAULT '[]',
    "notes" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "onBehalfOf" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Speaker" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "honorific" TEXT,
    "affiliation" TEXT,
    "delegationId" TEXT,

    CONSTRAINT "Speaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
-- "search" is hand-written as a generated column: Prisma only knows it as
-- Unsupported("tsvector"), and generating it in the database keeps the index
-- in step with "text" on every write, whoever writes.
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sentence" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED,

    CONSTRAINT "Sentence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummaryItem" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "list" "SummaryList" NOT NULL,
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "keyPhrases" TEXT[],
    "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED,

    CONSTRAINT "SummaryItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummaryNote" (
    "id" TEXT NOT NULL,
    "dialogueId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "SummaryNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dialogue_contentHash_key" ON "Dialogue"("contentHash");

-- CreateIndex
CREATE INDEX "Segment_dialogueId_position_idx" ON "Segment"("dialogueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_dialogueId_key_key" ON "Segment"("dialogueId", "key");

-- CreateIndex
CREATE INDEX "Delegation_dialogueId_position_idx" ON "Delegation"("dialogueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Delegation_dialogueId_key_key" ON "Delegation"("dialogueId", "key");

-- CreateIndex
CREATE INDEX "Speaker_delegationId_idx" ON "Speaker"("delegationId");

-- CreateIndex
CREATE UNIQUE INDEX "Speaker_dialogueId_key_key" ON "Speaker"("dialogueId", "key");

-- CreateIndex
CREATE INDEX "Statement_segmentId_position_idx" ON "Statement"("segmentId", "position");

-- CreateIndex
CREATE INDEX "Statement_speakerId_idx" ON "Statement"("speakerId");

-- CreateIndex
CREATE INDEX "Statement_search_idx" ON "Statement" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "Statement_dialogueId_key_key" ON "Statement"("dialogueId", "key");

-- CreateIndex
CREATE INDEX "Sentence_statementId_position_idx" ON "Sentence"("statementId", "position");

-- CreateIndex
CREATE INDEX "Sentence_search_idx" ON "Sentence" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "Sentence_dialogueId_key_key" ON "Sentence"("dialogueId", "key");

-- CreateIndex
CREATE INDEX "SummaryItem_dialogueId_list_position_idx" ON "SummaryItem"("dialogueId", "list", "position");

-- CreateIndex
CREATE INDEX "SummaryItem_search_idx" ON "SummaryItem" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryItem_dialogueId_key_key" ON "SummaryItem"("dialogueId", "key");

-- CreateIndex
CREATE INDEX "SummaryNote_dialogueId_position_idx" ON "SummaryNote"("dialogueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryNote_dialogueId_key_key" ON "SummaryNote"("dialogueId", "key");

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Speaker" ADD CONSTRAINT "Speaker_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Speaker" ADD CONSTRAINT "Speaker_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_segmentId_fkey" FOREIGN KEY ("segmentId") REFERENCES "Segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_speakerId_fkey" FOREIGN KEY ("speakerId") REFERENCES "Speaker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sentence" ADD CONSTRAINT "Sentence_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sentence" ADD CONSTRAINT "Sentence_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryItem" ADD CONSTRAINT "SummaryItem_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryNote" ADD CONSTRAINT "SummaryNote_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
