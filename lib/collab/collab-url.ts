import { env } from "@/lib/env";

/**
 * Where browsers reach the collaboration server: COLLAB_URL, the one
 * variable the app reads, or ws://localhost:COLLAB_PORT by default.
 * Read at request time, so one build serves any deployment.
 */
export function collabPublicUrl(): string {
  return env.COLLAB_URL ?? `ws://localhost:${env.COLLAB_PORT}`;
}
