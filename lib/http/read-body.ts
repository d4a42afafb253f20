import { AppError } from "@/lib/errors";

/**
 * The body's bytes, read as a stream and abandoned as soon as they pass
 * `maxBytes` (413), so a huge or endless upload never sits in memory —
 * whatever Content-Length claims, including none (chunked).
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text, with readBodyBytes' limit. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return (await readBodyBytes(request, maxBytes)).toString("utf8");
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The body is over ${maxBytes} bytes.`);
}
