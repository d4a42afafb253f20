import { requireUser } from "@/lib/auth/current-user";
import { authorize } from "@/lib/auth/policies";
import { breakSilence } from "@/lib/negotiation/break-silence";
import { readJson, withErrors } from "@/lib/http/respond";
import { ZBreakSilence } from "@/lib/negotiation/silence-schemas";

type Context = { params: Promise<{ id: string }> };

/** A delegate breaks silence for their delegation, with a reason; 409 once the procedure ended or was broken. */
export const POST = withErrors(async (request: Request, context: Context) => {
  const actor = await requireUser();
  authorize(actor, "silence.break", undefined, "Only a delegate, for their delegation, can break silence.");
  const input = await readJson(request, ZBreakSilence);
  return Response.json(await breakSilence({ actor, planId: (await context.params).id, input }));
});
