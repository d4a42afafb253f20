/** Row counts of the tables a mutating request could write, to prove a refused request wrote nothing. */
import type { getPrisma } from "@/lib/db";

type Prisma = ReturnType<typeof getPrisma>;

export async function countRows(prisma: Prisma): Promise<Record<string, number>> {
  const [
    auditLog,
    commentThread,
    comment,
    amendment,
    provenanceLink,
    concern,
    planVersion,
    notification,
    user,
    invite,
    passwordReset,
    coverageExclusion,
    amendmentSponsor,
    planSponsor,
    silenceProcedure,
    paragraphStatus,
  ] = await Promise.all([
    prisma.auditLog.count(),
    prisma.commentThread.count(),
    prisma.comment.count(),
    prisma.amendment.count(),
    prisma.provenanceLink.count(),
    prisma.concern.count(),
    prisma.planVersion.count(),
    prisma.notification.count(),
    prisma.user.count(),
    prisma.invite.count(),
    prisma.passwordReset.count(),
    prisma.coverageExclusion.count(),
    prisma.amendmentSponsor.count(),
    prisma.planSponsor.count(),
    prisma.silenceProcedure.count(),
    prisma.paragraphStatus.count(),
  ]);
  return {
    auditLog,
    commentThread,
    comment,
    amendment,
    provenanceLink,
    concern,
    planVersion,
    notification,
    user,
    invite,
    passwordReset,
    coverageExclusion,
    amendmentSponsor,
    planSponsor,
    silenceProcedure,
    paragraphStatus,
  };
}
