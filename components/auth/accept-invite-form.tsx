"use client";

import { useState } from "react";
import { sendJson } from "@/components/admin/json-request";

type Status = { kind: "idle" } | { kind: "saving" } | { kind: "done" } | { kind: "error"; message: string };

/** Sets name and password for an invited account, through POST /api/invites/accept. */
export function AcceptInviteForm({ token, minLength }: { token: string; minLength: number }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setStatus({ kind: "saving" });
    const { error } = await sendJson("/api/invites/accept", "POST", { token, name: form.get("name"), password: form.get("password") });
    setStatus(error ? { kind: "error", message: error } : { kind: "done" });
  }

  if (status.kind === "done") {
    return (
      <p role="status">
        Your account is ready. <a href="/sign-in" className="text-un-dark underline">Sign in</a>
      </p>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <div>
        <label htmlFor="name" className="block text-sm font-medium">Your name</label>
        <input id="name" name="name" required autoComplete="name" className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">Choose a password</label>
        <input id="password" name="password" type="password" required minLength={minLength} autoComplete="new-password" aria-describedby="password-hint" className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
        <p id="password-hint" className="mt-1 text-xs text-slate-600">At least {minLength} characters.</p>
      </div>
      <button type="submit" disabled={status.kind === "saving"} className="w-full rounded bg-un px-4 py-2 font-medium text-white hover:bg-un-dark disabled:opacity-70">
        {status.kind === "saving" ? "Creating your account…" : "Create account"}
      </button>
      <p role="alert" className="min-h-6 text-sm text-red-700">{status.kind === "error" ? status.message : ""}</p>
    </form>
  );
}
