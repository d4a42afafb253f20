/**
 * apiFetch and apiDownload against a real HTTP server: a success, our AppError
 * JSON, a body that is not JSON, a raw body, a file, and no server at all.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { apiDownload, apiFetch, readFilename, UNREACHABLE_MESSAGE } from "@/lib/http/api-fetch";

let base: string;
const seen: { method?: string; type?: string; body: string }[] = [];
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    seen.push({ method: request.method, type: request.headers["content-type"], body });
    if (request.url === "/ok")
      return void response.writeHead(200, { "content-type": "application/json" }).end('{"id":"x1"}');
    if (request.url === "/file")
      return void response
        .writeHead(200, { "content-disposition": 'attachment; filename="plan-draft.md"' })
        .end("# Plan");
    if (request.url === "/invalid")
      return void response
        .writeHead(400)
        .end('{"error":"invalid","field":"label","message":"label: give the version a label"}');
    response.writeHead(502).end("<html>bad gateway</html>");
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  it("sends JSON and reads a success", async () => {
    await expect(apiFetch<{ id: string }>(`${base}/ok`, { method: "POST", body: { label: "Rev.1" } })).resolves.toEqual(
      { data: { id: "x1" }, error: null, status: 200, field: null },
    );
    expect(seen.at(-1)).toEqual({ method: "POST", type: "application/json", body: '{"label":"Rev.1"}' });
  });

  it("reads the responder's message and field", async () => {
    await expect(apiFetch(`${base}/invalid`, { method: "POST", body: {} })).resolves.toEqual({
      data: null,
      error: "label: give the version a label",
      status: 400,
      field: "label",
    });
  });

  it("says the status when the body is not ours, and sends no body when given none", async () => {
    await expect(apiFetch(`${base}/proxy`, { method: "DELETE" })).resolves.toMatchObject({
      error: "Request failed (502).",
      status: 502,
    });
    expect(seen.at(-1)).toMatchObject({ method: "DELETE", type: undefined, body: "" });
  });

  it("turns an unreachable server into a message, never a throw", async () => {
    await expect(apiFetch("http://127.0.0.1:9/nothing")).resolves.toEqual({
      data: null,
      error: UNREACHABLE_MESSAGE,
      status: 0,
      field: null,
    });
  });

  it("sends a raw body with its own content type", async () => {
    await apiFetch(`${base}/ok`, { method: "POST", raw: { body: "# Summary", contentType: "text/markdown" } });
    expect(seen.at(-1)).toEqual({ method: "POST", type: "text/markdown", body: "# Summary" });
  });

  it("passes cache and keepalive on to fetch", async () => {
    const stub = vi.fn(async () => Response.json({ unread: 0 }));
    vi.stubGlobal("fetch", stub);
    await expect(apiFetch("/api/notifications", { cache: "no-store", keepalive: true })).resolves.toMatchObject({
      data: { unread: 0 },
    });
    expect(stub).toHaveBeenCalledWith(
      "/api/notifications",
      expect.objectContaining({ cache: "no-store", keepalive: true }),
    );
  });
});

describe("apiDownload", () => {
  it("returns the file and the name the server gave it", async () => {
    const { data, error } = await apiDownload(`${base}/file`);
    expect(error).toBeNull();
    expect(data?.filename).toBe("plan-draft.md");
    await expect(data?.blob.text()).resolves.toBe("# Plan");
  });

  it("reads a refusal as our error, never as a file", async () => {
    await expect(apiDownload(`${base}/invalid`)).resolves.toMatchObject({
      data: null,
      error: "label: give the version a label",
      status: 400,
    });
    await expect(apiDownload("http://127.0.0.1:9/nothing")).resolves.toMatchObject({ error: UNREACHABLE_MESSAGE });
  });

  it("reads both forms of Content-Disposition", () => {
    expect(readFilename(`attachment; filename="a.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`)).toBe("résumé.pdf");
    expect(readFilename("attachment; filename=plain.csv")).toBe("plain.csv");
    expect(readFilename("attachment")).toBeNull();
    expect(readFilename(null)).toBeNull();
  });
});
