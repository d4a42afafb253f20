"use client";

import { useState } from "react";
import { Menu } from "@/components/ui/menu";
import { apiDownload, apiFetch } from "@/lib/http/api-fetch";

const FORMATS = [
  { format: "docx", label: "Word (DOCX)", note: "footnoted, to circulate" },
  { format: "pdf", label: "PDF", note: "print quality" },
  { format: "md", label: "Markdown", note: "[^n] footnotes" },
  { format: "json", label: "JSON", note: "everything, machine-readable" },
] as const;

/**
 * "Export ▾": downloads the plan (or one of its versions) as DOCX, PDF,
 * Markdown or JSON, saying what it is doing while the file is made (a PDF
 * takes a few seconds). Fetches rather than links, so an error is shown here
 * instead of downloading as a file. The versions are fetched when the menu
 * first opens, so the plan page does not load them for everyone.
 */
export function ExportMenu({ planId }: { planId: string }) {
  const [version, setVersion] = useState("");
  const [versions, setVersions] = useState<string[] | null>(null);
  const [status, setStatus] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function loadVersions() {
    if (versions) return;
    const { data } = await apiFetch<{ label: string }[]>(`/api/plans/${planId}/versions`);
    setVersions((data ?? []).map((v) => v.label));
  }

  async function download(format: string, label: string) {
    setBusy(true);
    setStatus(`Preparing ${label}…`);
    const query = new URLSearchParams({ format, ...(version ? { version } : {}) });
    const { data, error } = await apiDownload(`/api/plans/${planId}/export?${query}`);
    setBusy(false);
    if (!data) return setStatus(error ?? "The server sent no file.");
    const name = data.filename ?? `plan.${format}`;
    const url = URL.createObjectURL(data.blob);
    const link = Object.assign(document.createElement("a"), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Downloaded ${name}.`);
  }

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
          {(versions ?? []).map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <ul className="space-y-1">
        {FORMATS.map(({ format, label, note }) => (
          <li key={format}>
            <button
              type="button"
              disabled={isBusy || (format === "json" && version !== "")}
              onClick={() => download(format, label)}
              className="w-full rounded border border-slate-300 px-2 py-1 text-left hover:bg-sky-50 disabled:opacity-50"
            >
              {label} <span className="text-xs text-slate-600">· {note}</span>
            </button>
          </li>
        ))}
      </ul>
      {version !== "" && (
        <p className="text-xs text-slate-600">JSON is always the whole plan, every version included.</p>
      )}
      <p role="status" aria-live="polite" className="text-xs text-slate-700">
        {status}
      </p>
    </Menu>
  );
}
