export type CollabTokenBody = { token: string; expiresAt: string };

/**
 * The collab token of a page: every provider on the page shares it, and it is
 * renewed a little before it expires. `requestToken` POSTs to
 * /api/collab/token (the browser's apiFetch; a benchmark's signed-in fetch)
 * and rejects when refused: the provider takes a rejected token as a failed
 * connect, and tries again later.
 */
export function createTokenSource(requestToken: () => Promise<CollabTokenBody>): () => Promise<string> {
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return async () => {
    if (cached && cached.expiresAt - Date.now() > 30_000) return cached.token;
    pending ??= requestToken()
      .then((body) => {
        cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
        return body.token;
      })
      .finally(() => (pending = null));
    return pending;
  };
}
