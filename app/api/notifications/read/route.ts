import { requireUser } from "@/lib/auth/current-user";
import { readJson, withErrors } from "@/lib/http/respond";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { ZMarkRead } from "@/lib/notifications/schemas";

/** Marks one's own notifications read: `{ids: [...]}` or `{all: true}`. Others' ids change nothing. */
export const POST = withErrors(async (request: Request) => {
  const viewer = await requireUser();
  const input = await readJson(request, ZMarkRead);
  return Response.json(await markNotificationsRead({ viewer, input }));
});
