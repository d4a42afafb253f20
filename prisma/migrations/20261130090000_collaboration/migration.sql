-- Real-time editing (issue 5): each section's Yjs state, a search index on
-- its text, a fingerprint of the passage each confirmed link vouches for,
-- and a status for links whose citation was deleted from the text.

-- AlterEnum
-- Only added here, never used in this transaction (PostgreSQL forbids that).
ALTER TYPE "LinkStatus" ADD VALUE 'removed';

-- AlterTable
-- "ydoc" stays NULL until the collaboration server first loads the section
-- and converts its seeded Tiptap JSON, once.
ALTER TABLE "PlanSection" ADD COLUMN "ydoc" BYTEA;
-- Generated, so the index follows "text" whoever writes it.
ALTER TABLE "PlanSection" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;

-- AlterTable
ALTER TABLE "ProvenanceLink" ADD COLUMN "fingerprint" TEXT;
-- True once a saved text has held a citation of the link: deleting the citation then removes the link.
ALTER TABLE "ProvenanceLink" ADD COLUMN "cited" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "PlanSection_search_idx" ON "PlanSection" USING GIN ("search");
