import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { openPlanActivityStream } from "@/lib/live/open-plan-activity-stream";

// A long-lived stream per request: never cached or prerendered, and it needs Node (the LISTEN connection).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

const KINDS = ["threads", "amendments", "links", "status", "structure"] as const;

/** `?kind=threads` (or several: `links,structure`) narrows the stream to what the page lists; without it, all. */
const ZQuery = z.object({
  kind: z
    .string()
    .regex(new RegExp(`^(${KINDS.join("|")})(,(${KINDS.join("|")}))*$`), `one or more of ${KINDS.join(", ")}`)
    .transform((value) => value.split(",") as (typeof KINDS)[number][])
    .optional(),
});

/** Server-Sent Events for the plan-wide pages (comments, amendments, coverage): which section's threads, amendments or sources changed, or the sections themselves. */
export const GET = withErrors(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const { kind } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return openPlanActivityStream({
    viewer,
    planId: (await context.params).id,
    kinds: kind ?? KINDS,
    signal: request.signal,
  });
});
