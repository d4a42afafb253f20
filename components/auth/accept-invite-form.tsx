"use client";

import { NewPasswordField, OneTimeLinkForm } from "./one-time-link-form";

/** Sets name and password for an invited account, through POST /api/invites/accept. */
export function AcceptInviteForm({ token, minLength }: { token: string; minLength: number }) {
  return (
    <OneTimeLinkForm
      url="/api/invites/accept"
      toBody={(form) => ({ token, name: form.get("name"), password: form.get("password") })}
      labels={{ submit: "Create account", saving: "Creating your account…", done: "Your account is ready." }}
    >
      <div>
        <label htmlFor="name" className="block text-sm font-medium">
          Your name
        </label>
        <input
          id="name"
          name="name"
          required
          autoComplete="name"
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <NewPasswordField label="Choose a password" minLength={minLength} />
    </OneTimeLinkForm>
  );
}
