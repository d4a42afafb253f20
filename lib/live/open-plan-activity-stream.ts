/**
 * A plan's live activity, as Server-Sent Events, for the plan-wide comments
 * and amendments pages: `threads` or `amendments`, with the section, whenever
 * a section's threads or amendments change (through any app instance), and
 * `check` when some may have been missed. Only that travels; the page then
 * renders itself again on the server, where every thread and amendment is
 * access-checked as on first load. A facilitators-only thread is not even
 * announced to a viewer who may not see it.
 *
 * Like the bell's stream, it looks at the viewer again before it sends, and
 * ends when they are disabled or signed out everywhere since it opened. Changes
 * that arrive while it looks are folded into one look and one event per
 * section: a plan reset announces every thread at once.
 */
import { authorize, seesFacilitatorThreads } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { getPrisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createEventStream } from "./event-stream";
import type { EventStream } from "./event-stream";
import { subscribeToPlanActivity } from "./live-hub";
import type { PlanActivity } from "./live-hub";
import { isStillSignedIn } from "./still-signed-in";

export type ActivityKind = PlanActivity["kind"];

export async function openPlanActivityStream({
  viewer,
  planId,
  kinds,
  signal,
  heartbeatMs,
  maxAgeMs,
}: {
  viewer: Actor;
  planId: string;
  /** The kinds of change the page lists; others are not sent. */
  kinds: readonly ActivityKind[];
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  maxAgeMs?: number;
}): Promise<Response> {
  authorize(viewer, "plan.read");
  const plan = await getPrisma().plan.findUnique({ where: { id: planId }, select: { id: true } });
  if (!plan) throw new AppError("not_found", "No such plan.");
  const openedAt = new Date();
  let stream: EventStream | null = null;
  /** Changes heard and not sent yet; undefined is "check", after the hub reconnected. */
  let heard: (PlanActivity | undefined)[] = [];
  let isSending = false;

  function hear(activity: PlanActivity | undefined): void {
    if (activity && !kinds.includes(activity.kind)) return;
    heard.push(activity);
    if (!isSending) void sendHeard();
  }

  /** One look at the viewer for everything heard meanwhile, then one event per section and kind. */
  async function sendHeard(): Promise<void> {
    isSending = true;
    try {
      while (heard.length && stream && !stream.isClosed()) {
        const batch = heard;
        heard = [];
        const user = await getPrisma().user.findUnique({
          where: { id: viewer.id },
          select: { role: true, disabledAt: true, sessionsValidAfter: true },
        });
        if (!user || !isStillSignedIn(user, openedAt)) return stream.close();
        for (const [event, data] of toEvents(batch, seesFacilitatorThreads(user))) stream.send(event, data);
      }
    } catch (error) {
      console.error("Plan activity: could not check the viewer", error);
      stream?.close(); // the browser reconnects and starts again
    } finally {
      isSending = false;
    }
  }

  const unsubscribe = await subscribeToPlanActivity({ planId, viewerId: viewer.id, onNews: hear });
  // Read once subscribed, so no change falls between: a page whose sections are older than this renders again,
  // and a page that is current is spared rendering itself again on every open.
  const revision = kinds.includes("structure") ? await readStructureRevision(planId) : null;
  stream = createEventStream({
    signal,
    heartbeatMs,
    maxAgeMs,
    onClose: unsubscribe,
    onStart: () => revision !== null && stream?.send("revision", { revision }),
  });
  return stream.response;
}

async function readStructureRevision(planId: string): Promise<number | null> {
  const plan = await getPrisma().plan.findUnique({ where: { id: planId }, select: { structureRevision: true } });
  return plan?.structureRevision ?? null;
}

/** The events for a batch of changes: each section and kind once, facilitators-only threads only for those who see them. */
function toEvents(batch: (PlanActivity | undefined)[], seesFacilitatorOnly: boolean): [string, unknown][] {
  const events = new Map<string, [string, unknown]>();
  for (const activity of batch) {
    if (!activity) events.set("check", ["check", {}]);
    else if (activity.kind !== "threads" || activity.visibility === "everyone" || seesFacilitatorOnly) {
      events.set(`${activity.kind}:${activity.sectionId}`, [activity.kind, { sectionId: activity.sectionId }]);
    }
  }
  return [...events.values()];
}
