"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Time } from "@/components/ui/time";
import { Button } from "@/components/ui/button";

type Status =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  | { kind: "done"; link: string; expiresAt: string };

/**
 * Creates a one-time password reset link for a user and shows it for the
 * admin to pass on (the app sends no email). A newer link voids this one.
 */
export function PasswordResetButton({ userId, email }: { userId: string; email: string }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function create() {
    setStatus({ kind: "saving" });
    const { data, error } = await apiFetch(`/api/admin/users/${userId}/password-reset`, { method: "POST", body: {} });
    if (error) return setStatus({ kind: "error", message: error });
    const { link, expiresAt } = data as { link: string; expiresAt: string };
    setStatus({ kind: "done", link, expiresAt });
  }

  return (
    <div className="w-full">
      <Button variant="secondary" size="compact" disabled={status.kind === "saving"} onClick={create}>
        {status.kind === "saving" ? "Creating link…" : "Password reset link"}
        <span className="sr-only"> for {email}</span>
      </Button>
      <div role="status" aria-live="polite" className="text-xs">
        {status.kind === "error" && <p className="text-red-700">{status.message}</p>}
        {status.kind === "done" && (
          <p className="mt-1">
            Give {email} this one-time link, valid until <Time date={status.expiresAt} />; it will not be shown again:
            <output data-testid="password-reset-link" className="block break-all rounded bg-slate-100 p-2 font-mono">
              {status.link}
            </output>
          </p>
        )}
      </div>
    </div>
  );
}
