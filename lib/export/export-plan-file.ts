/**
 * A plan as a file in one of the export formats, with its content type and a
 * file name: the one call behind both the CLI and GET /api/plans/<id>/export.
 */
import { z } from "zod";
import { authorize } from "@/lib/auth/policies";
import type { Actor } from "@/lib/auth/policies";
import { AppError } from "@/lib/errors";
import { buildExportDocument } from "./build-export-document";
import { exportBackup } from "./export-backup";
import { exportPlanJson } from "./export-plan-json";
import { renderDocx } from "./render-docx";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";

/** json: the plan for other tools (export-plan-json.ts); backup: the restorable whole (export-backup.ts). */
export const EXPORT_FORMATS = ["json", "backup", "md", "docx", "pdf"] as const;
export const ZExportFormat = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormat>;

/**
 * The export endpoint's query: ?format=docx[&version=Rev.1][&omitEmpty=true]. `omitEmpty` leaves out sections with
 * no words beyond their seeded guidance (lib/export/is-section-empty.ts); "true"/"1"/"yes" or "false"/"0"/"no".
 */
export const ZExportQuery = z.object({
  format: ZExportFormat,
  version: z.string().trim().min(1).max(200).optional(),
  omitEmpty: z.stringbool().default(false),
});

const CONTENT_TYPES: Record<TExportFormat, string> = {
  json: "application/json; charset=utf-8",
  backup: "application/json; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

export type TExportFile = { body: Buffer; contentType: string; filename: string };

export async function exportPlanFile({
  planId,
  format,
  versionLabel = null,
  isOmittingEmpty = false,
  viewer = null,
  now = new Date(),
}: {
  planId: string;
  format: TExportFormat;
  /** md, docx and pdf: print this version instead of the live draft. */
  versionLabel?: string | null;
  /** md, docx, pdf and json: leave out sections with no words beyond their seeded guidance. */
  isOmittingEmpty?: boolean;
  /** Who asks (decides what a backup holds); null for the command line. */
  viewer?: Actor | null;
  now?: Date;
}): Promise<TExportFile> {
  // The command line (no viewer) runs with the database's own trust; a person must be allowed to read the plan.
  if (viewer) authorize(viewer, "plan.read");
  if (format === "json" || format === "backup") {
    // Both are the whole plan as it stands (the backup with every version), so one version of it would be partial.
    if (versionLabel)
      throw new AppError("invalid", `--version applies to md, docx and pdf; ${format} is the whole plan.`, {
        field: "version",
      });
    // A backup restores the plan as it is: a section left out of it would be lost.
    if (format === "backup" && isOmittingEmpty)
      throw new AppError("invalid", "--omit-empty does not apply to a backup, which is the whole plan.", {
        field: "omitEmpty",
      });
    const body =
      format === "json"
        ? await exportPlanJson({ planId, isOmittingEmpty, now })
        : await exportBackup({ planId, viewer, now });
    return {
      body: Buffer.from(JSON.stringify(body, null, 2) + "\n"),
      contentType: CONTENT_TYPES[format],
      filename: exportFileName(body.plan.title, format === "backup" ? "backup" : null, "json"),
    };
  }
  const document = await buildExportDocument({ planId, versionLabel, isOmittingEmpty, now });
  const body =
    format === "md"
      ? Buffer.from(renderMarkdown({ document }))
      : format === "docx"
        ? await renderDocx({ document })
        : await renderPdf({ document });
  return { body, contentType: CONTENT_TYPES[format], filename: exportFileName(document.title, versionLabel, format) };
}

/** "global-plan-of-action-rev-1.docx": ASCII only, so every browser and mail client keeps it. */
export function exportFileName(title: string, versionLabel: string | null, extension: string): string {
  const slug = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[^\w\s.-]/g, "")
      .trim()
      .toLowerCase()
      .replace(/[\s._]+/g, "-")
      .replace(/-+/g, "-")
      .slice(0, 60);
  return `${[slug(title) || "plan", versionLabel ? slug(versionLabel) : "draft"].filter(Boolean).join("-")}.${extension}`;
}
