"use client";

/**
 * One Server-Sent Events stream for a component's lifetime, with the
 * connection's state for a status line. The browser's EventSource retries by
 * itself after a dropped stream but gives up on an HTTP error (a 503, or a
 * session that ended), so then this tries again a while later.
 *
 * A tab hidden for a while lets its stream go, and opens it again (calling
 * `onOpen`, to catch up) when it is shown: over HTTP/1.1 a browser holds
 * at most 6 connections to a host, and a stream in each of many background
 * tabs would leave none for the page in front.
 */
import { useEffect, useRef, useState } from "react";

export type StreamConnection = "connecting" | "open" | "reconnecting" | "paused";

/** A dropped stream that is back within this long is not worth a "Reconnecting…" (streams end every 10 minutes by design). */
const QUIET_RECONNECT_MS = 4_000;
/** After the server refused the stream, try again this much later. */
const RETRY_AFTER_REFUSAL_MS = 15_000;
/** A tab hidden this long closes its stream; a quick look at another tab keeps it. */
const HIDDEN_GRACE_MS = 15_000;

export function useEventSource(options: {
  url: string;
  /** Per event name, what to do with its parsed data. */
  listeners: Record<string, (data: unknown) => void>;
  /**
   * Called each time the stream opens, the first time too: events sent before it opened were missed (while the
   * page loaded, or while it was down). `isFirst` says whether it is the first open.
   */
  onOpen?: (isFirst: boolean) => void;
}): StreamConnection {
  const { url } = options;
  const [connection, setConnection] = useState<StreamConnection>("connecting");
  // The latest callbacks, without reconnecting whenever the caller renders.
  const latest = useRef(options);
  latest.current = options;
  const eventNames = Object.keys(options.listeners).sort().join(",");

  useEffect(() => {
    let source: EventSource | null = null;
    let downTimer: ReturnType<typeof setTimeout> | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
    let hasOpened = false;
    const connect = () => {
      source = new EventSource(url);
      for (const name of eventNames.split(",").filter(Boolean)) {
        source.addEventListener(name, (event) =>
          latest.current.listeners[name]?.(JSON.parse((event as MessageEvent<string>).data)),
        );
      }
      source.onopen = () => {
        clearTimeout(downTimer);
        downTimer = undefined;
        setConnection("open");
        latest.current.onOpen?.(!hasOpened);
        hasOpened = true;
      };
      source.onerror = () => {
        downTimer ??= setTimeout(() => setConnection("reconnecting"), QUIET_RECONNECT_MS);
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retryTimer = setTimeout(connect, RETRY_AFTER_REFUSAL_MS);
        }
      };
    };
    const disconnect = () => {
      source?.close();
      source = null;
      clearTimeout(downTimer);
      downTimer = undefined;
      clearTimeout(retryTimer);
    };
    const onVisibilityChange = () => {
      clearTimeout(hiddenTimer);
      if (document.visibilityState === "hidden") {
        hiddenTimer = setTimeout(() => {
          disconnect();
          setConnection("paused");
        }, HIDDEN_GRACE_MS);
      } else if (!source) {
        setConnection("connecting");
        connect();
      }
    };
    connect();
    document.addEventListener("visibilitychange", onVisibilityChange);
    // A tab opened in the background (a middle-click, a restored session) starts its countdown at once.
    if (document.visibilityState === "hidden") onVisibilityChange();
    return () => {
      document.removeEventListener("visibilitychange", onVisibilityChange);
      clearTimeout(hiddenTimer);
      disconnect();
    };
  }, [url, eventNames]);

  return connection;
}
