"use client";

import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

type Status = { kind: "idle" } | { kind: "saving" } | { kind: "done" } | { kind: "error"; message: string };

type Props = {
  url: string;
  /** The JSON body from the form's fields, or a message when they cannot be sent as they are. */
  toBody: (form: FormData) => Record<string, unknown> | string;
  labels: { submit: string; saving: string; done: string };
  children: React.ReactNode;
};

/**
 * The form behind a one-time link (an invite, a password reset): its fields,
 * a button that says when it is saving, the server's refusal in an alert,
 * and once done, a message with the way to sign in.
 */
export function OneTimeLinkForm({ url, toBody, labels, children }: Props) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = toBody(new FormData(event.currentTarget));
    if (typeof body === "string") return setStatus({ kind: "error", message: body });
    setStatus({ kind: "saving" });
    const { error } = await apiFetch(url, { method: "POST", body });
    setStatus(error ? { kind: "error", message: error } : { kind: "done" });
  }

  if (status.kind === "done") {
    return (
      <p role="status">
        {labels.done}{" "}
        <a href="/sign-in" className="text-un-dark underline">
          Sign in
        </a>
      </p>
    );
  }
  return (
    // POST, for the moment before the page's script runs: a form without a method would put the new password in
    // the address (history, logs, Referer).
    <form onSubmit={submit} method="post" className="space-y-4">
      {children}
      <Button variant="primary" size="block" type="submit" disabled={status.kind === "saving"}>
        {status.kind === "saving" ? labels.saving : labels.submit}
      </Button>
      <p role="alert" className="min-h-6 text-sm text-red-700">
        {status.kind === "error" ? status.message : ""}
      </p>
    </form>
  );
}

/** A new password field with its length hint. */
export function NewPasswordField({ label, minLength }: { label: string; minLength: number }) {
  return (
    <div>
      <label htmlFor="password" className="block text-sm font-medium">
        {label}
      </label>
      <input
        id="password"
        name="password"
        type="password"
        required
        minLength={minLength}
        autoComplete="new-password"
        aria-describedby="password-hint"
        className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
      />
      <p id="password-hint" className="mt-1 text-xs text-slate-600">
        At least {minLength} characters.
      </p>
    </div>
  );
}
