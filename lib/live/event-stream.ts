/**
 * A Server-Sent Events response, with what every live stream here needs: a
 * heartbeat comment that keeps proxies from closing an idle stream (and
 * finds a gone client), an end after `maxAgeMs` so the browser reconnects and
 * the session is checked afresh, and one `close` for every way it can end —
 * the client leaving, the reader cancelling, or the caller closing it.
 */

/** A comment line this often keeps proxies from closing an idle stream, and notices a gone client. */
export const HEARTBEAT_MS = 25_000;
export const MAX_AGE_MS = 10 * 60_000;
/** How long the browser waits before reconnecting (EventSource's `retry`). */
const RETRY_MS = 3_000;

export type EventStream = {
  response: Response;
  /** Sends one event; nothing once closed. */
  send: (event: string, data: unknown) => void;
  close: () => void;
  isClosed: () => boolean;
};

export function createEventStream(options: {
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal;
  /** Runs once the stream is ready to send (after this function has returned), e.g. to send the first state. */
  onStart?: () => void;
  /** Runs once when the stream ends, however it ends: unsubscribe here. */
  onClose: () => void;
  heartbeatMs?: number;
  maxAgeMs?: number;
}): EventStream {
  const { signal, onStart, onClose, heartbeatMs = HEARTBEAT_MS, maxAgeMs = MAX_AGE_MS } = options;
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isClosed = false;
  const heartbeat = setInterval(() => write(": heartbeat\n\n"), heartbeatMs);
  const maxAge = setTimeout(close, maxAgeMs);
  signal.addEventListener("abort", close);

  function write(text: string): void {
    if (isClosed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close(); // the client is gone
    }
  }

  function close(): void {
    if (isClosed) return;
    isClosed = true;
    clearInterval(heartbeat);
    clearTimeout(maxAge);
    signal.removeEventListener("abort", close);
    onClose();
    try {
      controller.close();
    } catch {
      // already closed or cancelled
    }
  }

  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      write(`retry: ${RETRY_MS}\n\n`);
      // Next turn: the caller holds the returned stream by then, so onStart may send on it.
      if (onStart) queueMicrotask(onStart);
    },
    cancel: close,
  });
  if (signal.aborted) close();
  const response = new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: the compression in `next start` would otherwise buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
  return {
    response,
    send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    close,
    isClosed: () => isClosed,
  };
}
