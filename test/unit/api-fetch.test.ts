/** apiFetch against a real HTTP server: a success, our AppError JSON, a body that is not JSON, and no server at all. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFetch, UNREACHABLE_MESSAGE } from "@/lib/http/api-fetch";

let base: string;
const seen: { method?: string; type?: string; body: string }[] = [];
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    seen.push({ method: request.method, type: request.headers["content-type"], body });
    if (request.url === "/ok")
      return void response.writeHead(200, { "content-type": "application/json" }).end('{"id":"x1"}');
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
});
