import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { readPageParams } from "@/lib/http/path-params";
import { describeRefusal, findPasswordReset } from "@/lib/users/password-reset";

// The token is in the address: never send it on to another site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

/** The one-time link an admin gave: the token in the URL is the credential, checked on the server. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await readPageParams(params);
  const found = await findPasswordReset({ token });
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      {found.status === "open" ? (
        <>
          <p className="text-sm text-slate-700">
            For {found.user.name} ({found.user.email}). Your other sessions will be signed out.
          </p>
          <ResetPasswordForm token={token} email={found.user.email} minLength={MIN_PASSWORD_LENGTH} />
        </>
      ) : (
        <p role="alert" className="text-red-700">
          {describeRefusal(found.status)}{" "}
          <a href="/sign-in" className="text-un-dark underline">
            Sign in
          </a>
        </p>
      )}
    </div>
  );
}
