/**
 * A facilitator issues a named version of the draft ("Zero draft", "Rev.1"):
 * every section as last saved, the links and the open amendments, in one
 * audited transaction. A label already used in the plan is refused (409).
 */
import { appendAudit } from "@/lib/audit/append-audit";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import type { TCreateVersion } from "./schemas";
import { writeVersion } from "./write-version";
import type { WrittenVersion } from "./write-version";

export async function createVersion({
  actor,
  planId,
  input,
}: {
  actor: Actor;
  planId: string;
  input: TCreateVersion;
}): Promise<WrittenVersion> {
  authorize(actor, "version.create");
  return getPrisma().$transaction(
    async (tx) => {
      const version = await writeVersion({ tx, planId, kind: "named", label: input.label, createdById: actor.id });
      await appendAudit(tx, {
        userId: actor.id,
        action: "version.create",
        resourceType: "plan_version",
        resourceId: version.id,
        detail: { planId, number: version.number, label: version.label, contentHash: version.contentHash },
      });
      return version;
    },
    { timeout: 30_000 },
  );
}
