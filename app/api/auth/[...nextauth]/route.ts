import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { findClientIp, findSignInDelay } from "@/lib/auth/sign-in-limit";

const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own routes, with the brute-force limit in front of the
 * credentials sign-in: after too many failures it answers 429 itself,
 * before the password is even checked.
 */
async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    const delayMs = await findSignInDelay({ email, ip: findClientIp(request.headers) });
    if (delayMs > 0) {
      const minutes = Math.ceil(delayMs / 60_000);
      return Response.json(
        { error: "rate_limited", message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` },
        { status: 429, headers: { "Retry-After": String(Math.ceil(delayMs / 1000)) } },
      );
    }
  }
  return nextAuth(request, context);
}

export { nextAuth as GET, POST };
