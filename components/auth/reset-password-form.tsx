"use client";

import { useState } from "react";
import { sendJson } from "@/components/admin/json-request";

type Status = { kind: "idle" } | { kind: "saving" } | { kind: "done" } | { kind: "error"; message: string };

/** Sets a new password through POST /api/password-reset. */
export function ResetPasswordForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (form.get("password") !== form.get("confirm")) return setStatus({ kind: "error", message: "The two passwords differ." });
    setStatus({ kind: "saving" });
    const { error } = await sendJson("/api/password-reset", "POST", { token, password: form.get("password") });
    setStatus(error ? { kind: "error", message: error } : { kind: "done" });
  }

  if (status.kind === "done") {
    return (
      <p role="status">
        Your password is changed. <a href="/sign-in" className="text-un-dark underline">Sign in</a>
      </p>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <div>
        <label htmlFor="password" className="block text-sm font-medium">New password</label>
        <input id="password" name="password" type="password" required minLength={minLength} autoComplete="new-password" aria-describedby="password-hint" className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
        <p id="password-hint" className="mt-1 text-xs text-slate-600">At least {minLength} characters.</p>
      </div>
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium">New password again</label>
        <input id="confirm" name="confirm" type="password" required minLength={minLength} autoComplete="new-password" className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={status.kind === "saving"} className="w-full rounded bg-un px-4 py-2 font-medium text-white hover:bg-un-dark disabled:opacity-70">
        {status.kind === "saving" ? "Saving your password…" : "Set new password"}
      </button>
      <p role="alert" className="min-h-6 text-sm text-red-700">{status.kind === "error" ? status.message : ""}</p>
    </form>
  );
}
