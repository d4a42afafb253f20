"use client";

import { useState } from "react";
import { apiDownload, apiFetch } from "@/lib/http/api-fetch";

/**
 * The Export menu's state: the version to export (empty: the live draft),
 * the plan's versions, fetched once when first asked for so the plan page
 * does not load them for everyone, and `download`, which says what it is
 * doing in `status` while the file is made (a PDF takes a few seconds).
 */
export function usePlanExport(planId: string) {
  const [version, setVersion] = useState("");
  const [isOmittingEmpty, setOmittingEmpty] = useState(false);
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
    const query = new URLSearchParams({
      format,
      ...(version ? { version } : {}),
      // A backup is everything, always.
      ...(isOmittingEmpty && format !== "backup" ? { omitEmpty: "true" } : {}),
    });
    const { data, error } = await apiDownload(`/api/plans/${planId}/export?${query}`);
    setBusy(false);
    if (!data) return setStatus(error ?? "The server sent no file.");
    const name = data.filename ?? `plan.${format}`;
    saveFile(data.blob, name);
    setStatus(`Downloaded ${name}.`);
  }

  return {
    version,
    setVersion,
    isOmittingEmpty,
    setOmittingEmpty,
    versions: versions ?? [],
    loadVersions,
    status,
    isBusy,
    download,
  };
}

/** Hands a fetched file to the browser's downloads, as a link to it would. */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement("a"), { href: url, download: name }).click();
  // Later, not at once: the download may not have read the blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
