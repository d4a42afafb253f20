"use client";

import { useState } from "react";

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
 * instead of downloading as a file.
 */
export function ExportMenu({ planId }: { planId: string }) {
  const [version, setVersion] = useState("");
  const [status, setStatus] = useState("");
  const [isBusy, setBusy] = useState(false);

  async function download(format: string, label: string) {
    setBusy(true);
    setStatus(`Preparing ${label}…`);
    const query = new URLSearchParams({ format, ...(version.trim() ? { version: version.trim() } : {}) });
    const response = await fetch(`/api/plans/${planId}/export?${query}`).catch(() => null);
    setBusy(false);
    if (!response?.ok) {
      const data = (await response?.json().catch(() => null)) as { message?: string } | null;
      return setStatus(data?.message ?? "Could not reach the server.");
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `plan.${format}`;
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement("a"), { href: url, download: name });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Downloaded ${name}.`);
  }

  return (
    <details className="relative text-sm">
      <summary className="cursor-pointer font-medium text-un-dark underline">Export</summary>
      <div className="absolute z-20 mt-1 w-72 space-y-2 rounded border border-slate-300 bg-white p-3 shadow">
        <label className="block text-xs text-slate-700">
          Version label <span className="text-slate-500">(empty: the live draft)</span>
          <input value={version} onChange={(e) => setVersion(e.target.value)} placeholder="e.g. Rev.1" className="mt-1 block w-full rounded border border-slate-300 px-2 py-1" />
        </label>
        <ul className="space-y-1">
          {FORMATS.map(({ format, label, note }) => (
            <li key={format}>
              <button type="button" disabled={isBusy} onClick={() => download(format, label)} className="w-full rounded border border-slate-300 px-2 py-1 text-left hover:bg-sky-50 disabled:opacity-50">
                {label} <span className="text-xs text-slate-600">· {note}</span>
              </button>
            </li>
          ))}
        </ul>
        <p role="status" aria-live="polite" className="text-xs text-slate-700">{status}</p>
      </div>
    </details>
  );
}
