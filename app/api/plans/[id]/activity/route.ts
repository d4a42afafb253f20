import { authorize, requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { openPlanActivityStream } from "@/lib/live/open-plan-activity-stream";

// A long-lived stream per request: never cached or prerendered, and it needs Node (the LISTEN connection).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

/** Server-Sent Events for the plan-wide comments and amendments pages: which section's threads or amendments changed. */
export const GET = withErrors(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  authorize(viewer, "dialogue.read");
  return openPlanActivityStream({ viewer, planId: (await context.params).id, signal: request.signal });
});
