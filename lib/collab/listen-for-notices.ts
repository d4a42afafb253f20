/**
 * The collaboration server's ear on PostgreSQL: it LISTENs on the collab
 * channel (lib/live/channels.ts) and hands each notice to the part of the
 * server that acts on it. A notice that does not parse is logged and
 * dropped: one bad payload must not stop the others.
 */
import postgres from "postgres";
import { COLLAB_CHANNEL } from "@/lib/live/channels";
import type { CollabNotice } from "@/lib/live/channels";

export async function listenForNotices({
  databaseUrl,
  log,
  onNotice,
}: {
  databaseUrl: string;
  log: (line: string) => void;
  onNotice: (notice: CollabNotice) => void;
}): Promise<() => Promise<void>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql.listen(COLLAB_CHANNEL, (payload) => {
    let notice: CollabNotice;
    try {
      notice = JSON.parse(payload) as CollabNotice;
    } catch {
      return log(`ignored a notice that is not JSON: ${payload.slice(0, 80)}`);
    }
    onNotice(notice);
  });
  return () => sql.end({ timeout: 2 });
}
