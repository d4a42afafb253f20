/**
 * Runs once when the server starts (`next start`, `next dev`), in the same
 * process that accepts the connections. It stamps every request with its
 * socket's address, which the sign-in limits count clients by; route
 * handlers cannot see the socket themselves (see lib/http/client-address.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientAddresses } = await import("@/lib/http/client-address");
  stampClientAddresses();
}
