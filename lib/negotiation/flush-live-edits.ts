/**
 * Asks the collaboration servers to store a plan's live edits now, and waits
 * until they say so. They store a document a quiet second after its last
 * change (up to five seconds while someone types), so without this a
 * revision issued right after a keystroke would freeze the text without it.
 * Every collab server answers (on FLUSHED_CHANNEL), holding the plan or not;
 * the first answer is followed by a short grace for the others. With no
 * collab server running (a script, a test without one) nobody answers and,
 * after the timeout, the text as stored is all there is, and is used.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { COLLAB_CHANNEL, FLUSHED_CHANNEL } from "@/lib/live/channels";
import type { CollabNotice, FlushedNotice } from "@/lib/live/channels";

export type FlushOutcome = { servers: number; documents: number };

export async function flushLiveEdits(
  planId: string,
  { timeoutMs = 1500, graceMs = 100 }: { timeoutMs?: number; graceMs?: number } = {},
): Promise<FlushOutcome> {
  const url = env.DATABASE_URL;
  if (!url) return { servers: 0, documents: 0 };
  const requestId = randomUUID();
  const outcome: FlushOutcome = { servers: 0, documents: 0 };
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "gpa-flush-live-edits" } });
  try {
    let settle: () => void = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const timeout = setTimeout(settle, timeoutMs);
    await sql.listen(FLUSHED_CHANNEL, (payload) => {
      let answer: Partial<FlushedNotice>;
      try {
        answer = JSON.parse(payload) as Partial<FlushedNotice>;
      } catch {
        return;
      }
      if (answer.requestId !== requestId) return;
      outcome.servers += 1;
      outcome.documents += answer.documents ?? 0;
      if (outcome.servers === 1) setTimeout(settle, graceMs);
    });
    const notice: CollabNotice = { type: "flush-plan", planId, requestId };
    await getPrisma().$executeRaw`SELECT pg_notify(${COLLAB_CHANNEL}, ${JSON.stringify(notice)})`;
    await settled;
    clearTimeout(timeout);
    return outcome;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
