/**
 * A plan's live activity, as Server-Sent Events, for the plan-wide comments
 * and amendments pages: `threads` or `amendments`, with the section, whenever
 * a section's threads or amendments change (through any app instance), and
 * `check` when some may have been missed. Only that travels; the page then
 * renders itself again on the server, where every thread and amendment is
 * access-checked as on first load.
 *
 * Like the bell's stream, it looks at the viewer again before each event and
 * ends when they are disabled or signed out everywhere since it opened.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createEventStream } from "./event-stream";
import type { EventStream } from "./event-stream";
import { subscribeToPlanActivity } from "./live-hub";
import type { PlanActivity } from "./live-hub";
import { isStillSignedIn } from "./still-signed-in";

export async function openPlanActivityStream({ viewer, planId, signal, heartbeatMs, maxAgeMs }: {
  viewer: Pick<CurrentUser, "id">;
  planId: string;
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  maxAgeMs?: number;
}): Promise<Response> {
  const plan = await getPrisma().plan.findUnique({ where: { id: planId }, select: { id: true } });
  if (!plan) throw new AppError("not_found", "No such plan.");
  const openedAt = new Date();
  let stream: EventStream | null = null;

  async function forward(activity: PlanActivity | undefined): Promise<void> {
    try {
      const user = await getPrisma().user.findUnique({ where: { id: viewer.id }, select: { disabledAt: true, sessionsValidAfter: true } });
      if (!isStillSignedIn(user, openedAt)) return stream?.close();
      if (activity) stream?.send(activity.kind, { sectionId: activity.sectionId });
      else stream?.send("check", {});
    } catch (error) {
      console.error("Plan activity: could not check the viewer", error);
      stream?.close(); // the browser reconnects and starts again
    }
  }

  const unsubscribe = await subscribeToPlanActivity({ planId, viewerId: viewer.id, onNews: (activity) => void forward(activity) });
  stream = createEventStream({ signal, heartbeatMs, maxAgeMs, onClose: unsubscribe });
  return stream.response;
}
