import { requireUser } from "@/lib/auth/current-user";
import { withErrors } from "@/lib/http/respond";
import { exportCompilationDocx, ZCompilationQuery } from "@/lib/versions/export-compilation";
import { readCompilation } from "@/lib/versions/read-compilation";

type Context = { params: Promise<{ id: string; versionId: string }> };

/** The compilation of proposals on a version, for anyone who may read the plan: its rows as JSON, or ?format=docx. */
export const GET = withErrors(async (request: Request, context: Context) => {
  const viewer = await requireUser();
  const { format } = ZCompilationQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { id: planId, versionId } = await context.params;
  if (format === "json") return Response.json(await readCompilation({ viewer, planId, versionId }));
  const file = await exportCompilationDocx({ viewer, planId, versionId });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      // Read with the viewer's rights: never from a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
});
