-- AlterTable
ALTER TABLE "CommentThread" ADD COLUMN "anchorClaimedAt" TIMESTAMP(3);
