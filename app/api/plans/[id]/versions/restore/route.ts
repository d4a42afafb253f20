import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { readJson, withErrors } from "@/lib/http/respond";
import { restoreVersion } from "@/lib/versions/restore-version";
import { ZRestoreVersion } from "@/lib/versions/schemas";

type Context = { params: Promise<{ id: string }> };

/** A facilitator restores the whole plan, or one section (sectionKey), from a version; a before_restore version is written first. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  // Asked again before the body is read, so a role that may never do this gets 403, not the body's 400.
  authorize(actor, "version.restore");
  const input = await readJson(request, ZRestoreVersion);
  return Response.json(await restoreVersion({ actor, planId: (await context.params).id, input }));
});
