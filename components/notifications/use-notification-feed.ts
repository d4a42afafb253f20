"use client";

/**
 * The bell's data: the unread count, kept live by the SSE stream, and the
 * list, fetched when asked for. The stream only ever says "this many unread";
 * the list comes from the same owner-only endpoint as everything else.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { TMarkRead, TNotificationView } from "@/lib/notifications/schemas";

/** A dropped stream that is back within this long is not worth a "Reconnecting…" (it ends every 10 minutes by design). */
const QUIET_RECONNECT_MS = 4_000;
/** After the server refused the stream (e.g. 503, or the session ended), try again this much later. */
const RETRY_AFTER_REFUSAL_MS = 15_000;

export function useNotificationFeed(initialUnread: number) {
  const [unread, setUnread] = useState(initialUnread);
  const [items, setItems] = useState<TNotificationView[] | null>(null);
  /** "reconnecting" only once the stream has been down for a while. */
  const [connection, setConnection] = useState<"connecting" | "open" | "reconnecting">("connecting");
  /** Moves on every event from the stream, so an open list can fetch again. */
  const [newsVersion, setNewsVersion] = useState(0);

  useEffect(() => {
    let source: EventSource | null = null;
    let downTimer: ReturnType<typeof setTimeout> | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource("/api/notifications/stream");
      source.addEventListener("unread", (event) => {
        const { unread: count } = JSON.parse((event as MessageEvent<string>).data) as { unread: number };
        setUnread(count);
        setNewsVersion((version) => version + 1);
      });
      source.onopen = () => {
        clearTimeout(downTimer);
        downTimer = undefined;
        setConnection("open");
      };
      source.onerror = () => {
        downTimer ??= setTimeout(() => setConnection("reconnecting"), QUIET_RECONNECT_MS);
        // EventSource retries by itself after a dropped stream, but gives up on an HTTP error.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retryTimer = setTimeout(connect, RETRY_AFTER_REFUSAL_MS);
        }
      };
    };
    connect();
    return () => {
      source?.close();
      clearTimeout(downTimer);
      clearTimeout(retryTimer);
    };
  }, []);

  // Each load and mark-read takes a number; a load answers only if nothing started after it,
  // so a list fetched before "Mark all as read" cannot bring the unread items back.
  const latestRequest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latestRequest.current;
    const response = await fetch("/api/notifications", { cache: "no-store" }).catch(() => null);
    if (!response?.ok) return;
    const data = (await response.json()) as { items: TNotificationView[]; unread: number };
    if (request !== latestRequest.current) return;
    setItems(data.items);
    setUnread(data.unread);
  }, []);

  const markRead = useCallback(async (input: TMarkRead) => {
    latestRequest.current++;
    const ids = new Set(input.ids ?? []);
    setItems((current) => current?.map((item) => (input.all || ids.has(item.id) ? { ...item, isRead: true } : item)) ?? null);
    const response = await fetch("/api/notifications/read", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(input), keepalive: true,
    }).catch(() => null);
    if (response?.ok) setUnread(((await response.json()) as { unread: number }).unread);
  }, []);

  return { unread, items, connection, newsVersion, load, markRead };
}
