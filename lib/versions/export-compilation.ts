/**
 * The compilation of proposals on a version as a Word table, the file
 * delegations circulate (GET /api/plans/<id>/versions/<versionId>/compilation?format=docx);
 * without a format the endpoint answers the rows as JSON.
 */
import { z } from "zod";
import type { Actor } from "@/lib/auth/policies";
import { exportFileName } from "@/lib/export/export-plan-file";
import { renderCompilationDocx } from "@/lib/export/render-compilation-docx";
import { readCompilation } from "./read-compilation";

export const ZCompilationQuery = z.object({ format: z.enum(["json", "docx"]).default("json") });
export type TCompilationQuery = z.infer<typeof ZCompilationQuery>;

export type TCompilationFile = { body: Buffer; contentType: string; filename: string };

export async function exportCompilationDocx({
  viewer,
  planId,
  versionId,
}: {
  viewer: Actor;
  planId: string;
  versionId: string;
}): Promise<TCompilationFile> {
  const compilation = await readCompilation({ viewer, planId, versionId });
  return {
    body: await renderCompilationDocx({ compilation }),
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    filename: exportFileName(compilation.plan.title, `${compilation.version.label} compilation`, "docx"),
  };
}
