import { setSponsorship } from "@/lib/amendments/sponsor-amendment";
import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";

type Context = { params: Promise<{ id: string; amendmentId: string }> };

async function sponsor(context: Context, isSponsoring: boolean) {
  const actor = await requireUser();
  const { id: planId, amendmentId } = await context.params;
  return Response.json(await setSponsorship({ actor, target: { planId, amendmentId }, isSponsoring }));
}

/** The delegate's delegation co-sponsors the amendment. */
export const POST = withErrors((_request: Request, context: Context) => sponsor(context, true));

/** The delegate's delegation withdraws its support. */
export const DELETE = withErrors((_request: Request, context: Context) => sponsor(context, false));
