import type { Metadata } from "next";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { readPageParams } from "@/lib/http/path-params";
import { findInvite } from "@/lib/users/accept-invite";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };

const REFUSALS = {
  unknown: "This invite link is not valid.",
  used: "This invite link has already been used. Sign in instead.",
  expired: "This invite link has expired. Ask an admin for a new one.",
} as const;

/** The one-time invite link: the token in the URL is the credential, checked on the server. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await readPageParams(params);
  const found = await findInvite({ token });
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Accept your invitation</h1>
      {found.status === "open" ? (
        <>
          <p className="text-sm text-slate-700">
            {found.invite.email} is invited as <strong>{found.invite.role}</strong>
            {found.invite.delegation ? ` of ${found.invite.delegation.name}` : ""}.
          </p>
          <AcceptInviteForm token={token} minLength={MIN_PASSWORD_LENGTH} />
        </>
      ) : (
        <p role="alert" className="text-red-700">
          {REFUSALS[found.status]}{" "}
          <a href="/sign-in" className="text-un-dark underline">
            Sign in
          </a>
        </p>
      )}
    </div>
  );
}
