-- Negotiating the text (issue 21): rounds of consultations opened by issuing a revision, with deadlines, and the
-- silence procedure that adopts a revision unless a delegation breaks silence.
CREATE TABLE "NegotiationRound" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "revisionId" TEXT,
    "commentDeadline" TIMESTAMP(3),
    "amendmentDeadline" TIMESTAMP(3),
    "openedById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NegotiationRound_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "NegotiationRound_revisionId_key" ON "NegotiationRound"("revisionId");
CREATE UNIQUE INDEX "NegotiationRound_planId_number_key" ON "NegotiationRound"("planId", "number");
ALTER TABLE "NegotiationRound" ADD CONSTRAINT "NegotiationRound_planId_fkey"
  FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "NegotiationRound" ADD CONSTRAINT "NegotiationRound_revisionId_fkey"
  FOREIGN KEY ("revisionId") REFERENCES "PlanVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "NegotiationRound" ADD CONSTRAINT "NegotiationRound_openedById_fkey"
  FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "SilenceProcedure" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "brokenAt" TIMESTAMP(3),
    "brokenById" TEXT,
    "brokenByDelegationId" TEXT,
    "breakReason" TEXT,
    "adoptedAt" TIMESTAMP(3),
    CONSTRAINT "SilenceProcedure_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SilenceProcedure_planId_startedAt_idx" ON "SilenceProcedure"("planId", "startedAt");
CREATE INDEX "SilenceProcedure_endsAt_idx" ON "SilenceProcedure"("endsAt");
ALTER TABLE "SilenceProcedure" ADD CONSTRAINT "SilenceProcedure_planId_fkey"
  FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SilenceProcedure" ADD CONSTRAINT "SilenceProcedure_roundId_fkey"
  FOREIGN KEY ("roundId") REFERENCES "NegotiationRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SilenceProcedure" ADD CONSTRAINT "SilenceProcedure_versionId_fkey"
  FOREIGN KEY ("versionId") REFERENCES "PlanVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SilenceProcedure" ADD CONSTRAINT "SilenceProcedure_startedById_fkey"
  FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SilenceProcedure" ADD CONSTRAINT "SilenceProcedure_brokenById_fkey"
  FOREIGN KEY ("brokenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SilenceProcedure" ADD CONSTRAINT "SilenceProcedure_brokenByDelegationId_fkey"
  FOREIGN KEY ("brokenByDelegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- At most one open procedure per plan, whatever two facilitators do at once.
CREATE UNIQUE INDEX "SilenceProcedure_one_open_per_plan"
  ON "SilenceProcedure"("planId") WHERE "brokenAt" IS NULL AND "adoptedAt" IS NULL;
