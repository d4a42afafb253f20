import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { buildTraceabilityMatrix, toTraceabilityCsv } from "@/lib/provenance/traceability";

/** The traceability matrix as CSV, for anyone who may read the plan. */
export const GET = withErrors(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const { id } = await context.params;
  const csv = toTraceabilityCsv(await buildTraceabilityMatrix({ viewer: actor, planId: id }));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="traceability-${id}.csv"`,
    },
  });
});
