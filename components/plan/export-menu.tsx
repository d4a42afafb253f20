"use client";

import { Menu } from "@/components/ui/menu";
import { usePlanExport } from "./use-plan-export";

const FORMATS = [
  { format: "docx", label: "Word (DOCX)", note: "footnoted, to circulate" },
  { format: "pdf", label: "PDF", note: "print quality" },
  { format: "md", label: "Markdown", note: "[^n] footnotes" },
  { format: "json", label: "JSON", note: "sections, sources, coverage" },
  { format: "backup", label: "Backup", note: "everything, to restore" },
] as const;

/** The formats that are always the whole plan as it stands, whatever version is chosen. */
const WHOLE_PLAN: ReadonlySet<string> = new Set(["json", "backup"]);

/**
 * "Export": a menu that downloads the plan (or one of its versions) as DOCX,
 * PDF, Markdown, JSON or a backup. Fetches rather than links, so an error is shown
 * here instead of downloading as a file. The versions are fetched when the
 * menu first opens.
 */
export function ExportMenu({ planId }: { planId: string }) {
  const { version, setVersion, isOmittingEmpty, setOmittingEmpty, versions, loadVersions, status, isBusy, download } =
    usePlanExport(planId);
  return (
    <Menu
      trigger="Export"
      triggerClassName="cursor-pointer font-medium text-un-dark underline"
      className="relative text-sm"
      panelClassName="absolute z-20 mt-1 w-72 space-y-2 rounded border border-slate-300 bg-white p-3 shadow"
      onOpenChange={(isOpen) => isOpen && void loadVersions()}
    >
      <label className="block text-xs text-slate-700">
        Version
        <select
          value={version}
          onChange={(e) => setVersion(e.target.value)}
          className="mt-1 block w-full rounded border border-slate-300 px-2 py-1"
        >
          <option value="">Live draft</option>
          {versions.map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-xs text-slate-700">
        <input type="checkbox" checked={isOmittingEmpty} onChange={(e) => setOmittingEmpty(e.target.checked)} />
        Leave out empty sections
      </label>
      <ul className="space-y-1">
        {FORMATS.map(({ format, label, note }) => (
          <li key={format}>
            <button
              type="button"
              disabled={isBusy || (WHOLE_PLAN.has(format) && version !== "")}
              onClick={() => download(format, label)}
              className="w-full rounded border border-slate-300 px-2 py-1 text-left hover:bg-sky-50 disabled:opacity-50"
            >
              {label} <span className="text-xs text-slate-600">· {note}</span>
            </button>
          </li>
        ))}
      </ul>
      {version !== "" && (
        <p className="text-xs text-slate-600">JSON and the backup are always the whole plan as it stands.</p>
      )}
      <p role="status" aria-live="polite" className="text-xs text-slate-700">
        {status}
      </p>
    </Menu>
  );
}
