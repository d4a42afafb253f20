"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";

type Restored = {
  beforeVersion: { label: string };
  restored: string[];
  unchanged: string[];
  missing: string[];
  /** Removed sections the version had, back in the plan with their sources, comments and amendments. */
  broughtBack: string[];
  /** Sections added since the version, removed (and kept) again. */
  removed: string[];
};

/**
 * Restore the whole plan, or one section, from a version — with a
 * confirmation step, and a status while it runs. The text as it stands is
 * kept as a "before restore" version first, so nothing is lost.
 */
export function RestoreButton({
  planId,
  versionId,
  versionLabel,
  section,
}: {
  planId: string;
  versionId: string;
  versionLabel: string;
  section?: { key: string; title: string };
}) {
  const router = useRouter();
  const [isAsking, setAsking] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const what = section ? `“${section.title}”` : "the whole plan";

  async function restore() {
    setBusy(true);
    setStatus(`Restoring ${what} from ${versionLabel}…`);
    const { data, error } = await apiFetch(`/api/plans/${planId}/versions/restore`, {
      method: "POST",
      body: { versionId, ...(section ? { sectionKey: section.key } : {}) },
    });
    setBusy(false);
    setAsking(false);
    if (error) return setStatus(error);
    setStatus(describeRestore(data as Restored, versionLabel));
    router.refresh();
  }

  return (
    <div className="text-sm">
      {isAsking ? (
        <ConfirmDialog
          tone="primary"
          title={
            <>
              Restore {what} from {versionLabel}?
            </>
          }
          confirmLabel="Restore"
          busyLabel="Restoring…"
          isBusy={isBusy}
          description="Everyone editing sees the restored text at once. The current text is kept as a version first, so it can be restored in turn."
          onConfirm={restore}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <Button variant="outline" size="compact" onClick={() => setAsking(true)}>
          {section ? (
            <>
              Restore this section<span className="sr-only"> ({section.title})</span> from {versionLabel}…
            </>
          ) : (
            <>Restore plan from {versionLabel}…</>
          )}
        </Button>
      )}
      <p role="status" aria-live="polite" className="mt-1 text-xs text-slate-700" data-testid="restore-status">
        {status}
      </p>
    </div>
  );
}

function describeRestore(result: Restored, versionLabel: string): string {
  const changes = [
    result.restored.length && `Restored ${result.restored.length} section(s) from ${versionLabel}.`,
    result.broughtBack.length && `Brought back ${result.broughtBack.length} removed section(s).`,
    result.removed.length && `Removed ${result.removed.length} section(s) added since (kept aside).`,
  ].filter(Boolean);
  const missing = result.missing.length
    ? ` ${result.missing.length} section(s) of the version no longer exist and were left out.`
    : "";
  if (!changes.length) return `Nothing to restore: the plan already matches ${versionLabel}.${missing}`;
  return `${changes.join(" ")} The plan before is kept as “${result.beforeVersion.label}”.${missing}`;
}
