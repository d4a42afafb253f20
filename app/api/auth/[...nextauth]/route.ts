import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { describeSignInDelay, findSignInDelay } from "@/lib/auth/sign-in-limit";
import { AppError } from "@/lib/errors";
import { findClientAddress } from "@/lib/http/client-address";
import { readBodyText } from "@/lib/http/read-body";
import { toErrorResponse } from "@/lib/http/respond";

const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** A sign-in form is a few hundred bytes; anything much larger is not one. */
const MAX_SIGN_IN_BYTES = 8 * 1024;

/**
 * next-auth's own routes, with the brute-force limit in front of the
 * credentials sign-in. The body is read here once, with a size limit, and
 * must be one form with exactly one email and password — so the email the
 * limit counts is the email next-auth checks (no JSON body or repeated field
 * slips past). The same bytes are then handed to next-auth. authorize()
 * checks the limit again under a lock, which stops racing requests.
 */
async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return nextAuth(request, context);
  try {
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) {
      throw new AppError("unsupported_media_type", "Sign in with the sign-in form.");
    }
    const body = await readBodyText(request, MAX_SIGN_IN_BYTES);
    const form = new URLSearchParams(body);
    if (form.getAll("email").length !== 1 || form.getAll("password").length !== 1) {
      throw new AppError("invalid", "Give one email and one password.", { field: "email" });
    }
    const delayMs = await findSignInDelay({ email: form.get("email")!, client: findClientAddress(request.headers) });
    if (delayMs > 0) {
      return Response.json(
        { error: "rate_limited", message: describeSignInDelay(delayMs) },
        { status: 429, headers: { "Retry-After": String(Math.ceil(delayMs / 1000)) } },
      );
    }
    // next-auth reads req.nextUrl, so hand it a NextRequest carrying the same bytes.
    return nextAuth(new NextRequest(request.url, { method: "POST", headers: request.headers, body }), context);
  } catch (error) {
    return toErrorResponse(error);
  }
}

export { nextAuth as GET, POST };
