import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";

export const ZAuditFilter = z.object({
  userId: z.string().min(1).optional(),
  action: z.string().min(1).max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** The audit log, newest first, filtered by user, action and a date range (whole days, UTC). */
export async function listAuditLog({ actor, filter }: { actor: CurrentUser; filter: TAuditFilter }) {
  authorize(actor, "audit.read");
  const to = filter.to ? new Date(Date.parse(filter.to) + 24 * 60 * 60 * 1000) : undefined;
  return getPrisma().auditLog.findMany({
    where: {
      userId: filter.userId,
      action: filter.action,
      createdAt: { gte: filter.from ? new Date(filter.from) : undefined, lt: to },
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      action: true,
      resourceType: true,
      resourceId: true,
      detail: true,
      createdAt: true,
      user: { select: { email: true } },
    },
  });
}
