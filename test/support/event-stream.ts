/** Reads a Server-Sent Events endpoint the way a browser's EventSource would, for end-to-end tests over HTTP. */

export type ServerSentEvent = { event: string; data: string };

export type EventStreamReader = {
  /** The HTTP response's status and content type. */
  status: number;
  contentType: string | null;
  /** Waits for the next event (not yet taken) that matches; rejects after `timeoutMs`. */
  next: (matches: (event: ServerSentEvent) => boolean, timeoutMs: number) => Promise<ServerSentEvent>;
  close: () => void;
};

export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
  const abort = new AbortController();
  // Like a browser: it asks for compressed responses, which must not hold the stream back.
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", "accept-encoding": "gzip, deflate, br", ...headers },
    signal: abort.signal,
  });
  const events: ServerSentEvent[] = [];
  let wake: () => void = () => {};
  if (response.ok && response.body) {
    void (async () => {
      let buffer = "";
      try {
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          buffer += read.value;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split("\n").filter((line) => !line.startsWith(":"));
            const data = lines
              .filter((l) => l.startsWith("data:"))
              .map((l) => l.slice(5).trimStart())
              .join("\n");
            const event =
              lines
                .find((l) => l.startsWith("event:"))
                ?.slice(6)
                .trim() ?? "message";
            if (data) events.push({ event, data });
            wake();
          }
        }
      } catch {
        // closed by close()
      }
    })();
  }
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    close: () => abort.abort(),
    next: async (matches, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = events.findIndex(matches);
        if (index !== -1) return events.splice(0, index + 1)[index];
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; had ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
  };
}

/** The unread count an "unread" event carries. */
export function unreadOf(event: ServerSentEvent): number {
  return (JSON.parse(event.data) as { unread: number }).unread;
}
