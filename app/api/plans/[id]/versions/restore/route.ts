import { requireUser } from "@/lib/auth/current-user";
import { readJson, withErrors } from "@/lib/http/respond";
import { restoreVersion } from "@/lib/versions/restore-version";
import { ZRestoreVersion } from "@/lib/versions/schemas";

type Context = { params: Promise<{ id: string }> };

/** A facilitator restores the whole plan, or one section (sectionKey), from a version; a before_restore version is written first. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  const input = await readJson(request, ZRestoreVersion);
  return Response.json(await restoreVersion({ actor, planId: (await context.params).id, input }));
});
