/**
 * The collab token of a page: every provider on the page shares it, and it is
 * renewed a little before it expires. `requestToken` POSTs to
 * /api/collab/token (the browser's fetch; a benchmark's signed-in one).
 */
export function createTokenSource(requestToken: () => Promise<Response>): () => Promise<string> {
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return async () => {
    if (cached && cached.expiresAt - Date.now() > 30_000) return cached.token;
    pending ??= requestToken()
      .then(async (response) => {
        if (!response.ok) throw new Error(`token refused (${response.status})`);
        const body = (await response.json()) as { token: string; expiresAt: string };
        cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
        return body.token;
      })
      .finally(() => (pending = null));
    return pending;
  };
}
