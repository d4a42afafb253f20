import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const dynamic = "force-dynamic";

/** The signed-in user's latest notifications and unread count (every role has a bell; only one's own). */
export const GET = withErrors(async () => {
  const viewer = await requireUser();
  return Response.json(await listNotifications({ viewer }), { headers: { "Cache-Control": "no-store" } });
});
