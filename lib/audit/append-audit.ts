/** Appends to the audit log. Always called with the transaction of the write it records. */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

export type AuditEntry = {
  userId: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  detail?: Prisma.InputJsonValue;
};

export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      detail: entry.detail ?? {},
    },
  });
}
