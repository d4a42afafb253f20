import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { suggestForPassage } from "@/lib/provenance/suggest-for-passage";

const ZQuery = z.object({
  section: z.string().min(1).max(100),
  block: z.string().max(200).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  /** The passage as the live editor has it, ahead of the last save (a new passage has no saved text yet). */
  text: z.string().max(2000).optional(),
});

/** The top sources for a passage, ranked, leaving out those already linked or rejected. Anyone who may read the plan. */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const query = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const suggestions = await suggestForPassage({
    viewer: actor,
    planId: (await context.params).id,
    sectionKey: query.section,
    blockId: query.block,
    limit: query.limit,
    text: query.text,
  });
  return Response.json(suggestions);
});
