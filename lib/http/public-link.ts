import { env } from "@/lib/env";

/**
 * An absolute link into the app for someone to open later (an invite, a
 * password reset): on the configured public address, never the request's,
 * whose Host headers a client controls.
 */
export function publicLink(path: string, request: Request): string {
  return new URL(path, env.NEXTAUTH_URL ?? request.url).toString();
}
