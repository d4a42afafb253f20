"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toSafeCallbackUrl } from "@/lib/auth/safe-callback-url";
import type { AppErrorCode } from "@/lib/errors";
import { Button } from "@/components/ui/button";

type Status = { kind: "idle" } | { kind: "signing-in" } | { kind: "error"; message: string };

/** The sign-in limits' code: in a 429's body, and in next-auth's error URL when authorize() refused a racing attempt. */
const RATE_LIMITED = "rate_limited" satisfies AppErrorCode;

/**
 * Posts to next-auth's credentials callback directly (what signIn() does),
 * so the 429 of the sign-in limits reaches the user with its message (how
 * long to wait).
 *
 * Its two requests stay raw fetch, not apiFetch: they are next-auth's
 * endpoints, not ours. The callback takes a form-encoded body and answers
 * with next-auth's own JSON ({ url }), whose failure is a 200 with an error
 * in the URL, which apiFetch would read as a success.
 */
export function SignInForm({ callbackUrl: requestedUrl, notice }: { callbackUrl: string; notice?: string }) {
  const router = useRouter();
  // The page already checked it; checked again here because router.replace would follow "//evil.example" off site.
  const callbackUrl = toSafeCallbackUrl(requestedUrl);
  const [status, setStatus] = useState<Status>(notice ? { kind: "error", message: notice } : { kind: "idle" });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setStatus({ kind: "signing-in" });
    try {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const body = new URLSearchParams({
        email: String(form.get("email")),
        password: String(form.get("password")),
        csrfToken,
        callbackUrl,
        json: "true",
      });
      const response = await fetch("/api/auth/callback/credentials", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
      const data = (await response.json().catch(() => ({}))) as { message?: string; url?: string };
      // next-auth answers a stale CSRF token with 200 and a URL back to sign-in, not with an error status.
      if (response.ok && !/[?&](error|csrf)=/.test(data.url ?? "")) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      setStatus({ kind: "error", message: describeFailure(response, data) });
    } catch {
      setStatus({ kind: "error", message: "Could not reach the server. Check your connection and try again." });
    }
  }

  const isBusy = status.kind === "signing-in";
  return (
    // POST, and to next-auth, for the moment before the page's script runs: a form without a method would send
    // the password in the address (history, logs, Referer). Without a CSRF token next-auth refuses it and sends the
    // browser back here.
    <form onSubmit={submit} method="post" action="/api/auth/callback/credentials" className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <Button variant="primary" size="block" type="submit" disabled={isBusy}>
        {isBusy ? "Signing in…" : "Sign in"}
      </Button>
      <p role="alert" className="min-h-6 text-sm text-red-700">
        {status.kind === "error" ? status.message : ""}
      </p>
    </form>
  );
}

function describeFailure(response: Response, data: { message?: string; url?: string }): string {
  if (response.status === 429) return data.message ?? "Too many failed sign-ins. Try again later.";
  if (new RegExp(`[?&]error=${RATE_LIMITED}\\b`).test(data.url ?? ""))
    return "Too many failed sign-ins. Try again in a moment.";
  return response.ok ? "Your sign-in form expired. Please try again." : "Wrong email or password.";
}
