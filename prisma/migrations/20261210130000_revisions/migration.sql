-- Issuing a revision (issue 21): every delegation hears of it, and a pending amendment whose target text changed
-- in the revision is recorded as stale since that revision (it can no longer be accepted).
ALTER TYPE "NotificationKind" ADD VALUE 'revision_issued';
ALTER TABLE "Amendment" ADD COLUMN "staleSinceRevision" INTEGER;
