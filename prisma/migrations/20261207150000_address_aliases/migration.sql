-- Statements are addressed by the speaker's family name, now found by a
-- rule that knows particles, Hispanic pairs and family-name-first order
-- ("opening.ban", was "opening.moon"). Dialogues imported under the old
-- rule (version 1) are re-addressed by their next import, which renames the
-- statements and sentences in place (links follow by ON UPDATE CASCADE) and
-- records each old address here, so links, exports and bookmarks still work.
ALTER TABLE "Dialogue" ADD COLUMN IF NOT EXISTS "addressRules" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE IF NOT EXISTS "AddressAlias" (
    "dialogueId" TEXT NOT NULL,
    "oldKey" TEXT NOT NULL,
    "newKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AddressAlias_pkey" PRIMARY KEY ("dialogueId","oldKey")
);

ALTER TABLE "AddressAlias" ADD CONSTRAINT "AddressAlias_dialogueId_fkey" FOREIGN KEY ("dialogueId") REFERENCES "Dialogue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A family name no rule gets right is corrected by an admin per speaker,
-- stored with the dialogue so every later import addresses the same way.
ALTER TABLE "Speaker" ADD COLUMN IF NOT EXISTS "familyName" TEXT;
