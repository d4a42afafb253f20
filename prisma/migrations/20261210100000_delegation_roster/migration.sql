-- The full roster of delegations (issue 21): every Member State, observer State and negotiating group becomes a
-- Delegation of each dialogue, and the annex ones are flagged. Existing rows keep their ids (accounts, comments,
-- amendments and concerns point at them): until the next import maps them onto the roster (the dialogue's
-- rosterVersion 0 asks for it, and npm start imports every time), they stay as they were, in the annex, of kind "other".
CREATE TYPE "DelegationKind" AS ENUM ('member_state', 'observer_state', 'group', 'other');

ALTER TABLE "Delegation" ADD COLUMN "rosterKey" TEXT;
ALTER TABLE "Delegation" ADD COLUMN "kind" "DelegationKind" NOT NULL DEFAULT 'other';
ALTER TABLE "Delegation" ADD COLUMN "inAnnex" BOOLEAN NOT NULL DEFAULT true;

ALTER TABLE "Dialogue" ADD COLUMN "rosterVersion" INTEGER NOT NULL DEFAULT 0;

-- The delegations sponsoring a draft, in order.
CREATE TABLE "PlanSponsor" (
    "planId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanSponsor_pkey" PRIMARY KEY ("planId","delegationId")
);

CREATE INDEX "PlanSponsor_delegationId_idx" ON "PlanSponsor"("delegationId");

ALTER TABLE "PlanSponsor" ADD CONSTRAINT "PlanSponsor_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PlanSponsor" ADD CONSTRAINT "PlanSponsor_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
