import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { toSafeCallbackUrl } from "@/lib/auth/safe-callback-url";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = toSafeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice = params.error === "disabled" ? "This account is disabled. Ask an admin to enable it." : undefined;
  return (
    <div className="mx-auto max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Sign in to GPA Workspace</h1>
      <SignInForm callbackUrl={callbackUrl} notice={notice} />
      {/* The app sends no email: resets go through an admin (Admin → Users). */}
      <p className="text-sm text-slate-700">
        Forgot your password? Ask an admin of your workspace for a password reset link.
      </p>
    </div>
  );
}
