"use client";

import { NewPasswordField, OneTimeLinkForm } from "./one-time-link-form";

/** Sets a new password through POST /api/password-reset; the password is typed twice. */
export function ResetPasswordForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const toBody = (form: FormData) =>
    form.get("password") === form.get("confirm")
      ? { token, password: form.get("password") }
      : "The two passwords differ.";
  return (
    <OneTimeLinkForm
      url="/api/password-reset"
      toBody={toBody}
      labels={{ submit: "Set new password", saving: "Saving your password…", done: "Your password is changed." }}
    >
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordField label="New password" minLength={minLength} />
      <div>
        <label htmlFor="confirm" className="block text-sm font-medium">
          New password again
        </label>
        <input
          id="confirm"
          name="confirm"
          type="password"
          required
          minLength={minLength}
          autoComplete="new-password"
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
    </OneTimeLinkForm>
  );
}
