import { requireUser } from "@/lib/auth/current-user";
import { exportPlanFile, ZExportQuery } from "@/lib/export/export-plan-file";
import { withErrors } from "@/lib/http/respond";

/**
 * The plan as a file (json, md, docx or pdf; a version's text with ?version=LABEL; without empty sections with
 * ?omitEmpty=true), for anyone who may read it.
 */
export const GET = withErrors(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await requireUser();
  const { id } = await context.params;
  const query = ZExportQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  // The viewer decides what a JSON export holds (facilitators-only threads, emails): see lib/export/export-backup.ts.
  const file = await exportPlanFile({
    planId: id,
    format: query.format,
    versionLabel: query.version ?? null,
    isOmittingEmpty: query.omitEmpty,
    viewer: actor,
  });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      // What is in it depends on who asked: never from a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
});
