import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { openNotificationStream } from "@/lib/notifications/open-notification-stream";

// A long-lived stream per request: never cached or prerendered, and it needs Node (the LISTEN connection).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Server-Sent Events for the bell: the unread count now, then whenever it may have changed. */
export const GET = withErrors(async (request: Request) => {
  const viewer = await requireUser();
  return openNotificationStream({ viewer, signal: request.signal });
});
