-- Amendments on whole paragraphs (issue 21, part 3): a delegation proposes to
-- insert a new paragraph after another ("5 bis"), to delete one, or to move one
-- to after another paragraph of its section. For these, quoteExact holds the
-- paragraph's whole text when proposed, so the amendment goes stale when that
-- paragraph changes or is gone.
ALTER TYPE "AmendmentKind" ADD VALUE 'insert_paragraph';
ALTER TYPE "AmendmentKind" ADD VALUE 'delete_paragraph';
ALTER TYPE "AmendmentKind" ADD VALUE 'move_paragraph';

ALTER TABLE "Amendment" ADD COLUMN "paragraphKind" TEXT;
ALTER TABLE "Amendment" ADD COLUMN "paragraphLevel" INTEGER;
ALTER TABLE "Amendment" ADD COLUMN "targetBlockId" TEXT;
