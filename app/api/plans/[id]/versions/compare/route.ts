import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { compareVersions } from "@/lib/versions/compare-versions";
import { ZCompareVersions } from "@/lib/versions/schemas";

type Context = { params: Promise<{ id: string }> };

/** ?from=<version id>&to=<version id or "live">: the section-by-section word diff (every signed-in role). */
export const GET = withErrors(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const input = ZCompareVersions.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await compareVersions({ viewer, planId: (await context.params).id, input }));
});
