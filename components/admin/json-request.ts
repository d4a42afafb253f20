/** Sends JSON and returns the error message of a failed request, or null. */
export async function sendJson(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown): Promise<{ data: unknown; error: string | null }> {
  try {
    const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const data = (await response.json().catch(() => ({}))) as { message?: string };
    return { data, error: response.ok ? null : (data.message ?? `Request failed (${response.status}).`) };
  } catch {
    return { data: null, error: "Could not reach the server. Try again." };
  }
}
