"use client";

/**
 * The bell's data: the unread count, kept live by the SSE stream, and the
 * list, fetched when asked for. The stream only ever says "this many unread";
 * the list comes from the same owner-only endpoint as everything else.
 */
import { useCallback, useRef, useState } from "react";
import { useEventSource } from "@/components/live/use-event-source";
import type { TMarkRead, TNotificationView } from "@/lib/notifications/schemas";
import { apiFetch } from "@/lib/http/api-fetch";

export function useNotificationFeed(initialUnread: number) {
  const [unread, setUnread] = useState(initialUnread);
  const [items, setItems] = useState<TNotificationView[] | null>(null);
  /** Moves on every event from the stream, so an open list can fetch again. */
  const [newsVersion, setNewsVersion] = useState(0);
  const connection = useEventSource({
    url: "/api/notifications/stream",
    listeners: {
      unread: (data) => {
        setUnread((data as { unread: number }).unread);
        setNewsVersion((version) => version + 1);
      },
    },
  });

  // Each load and mark-read takes a number; a load answers only if nothing started after it,
  // so a list fetched before "Mark all as read" cannot bring the unread items back.
  const latestRequest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latestRequest.current;
    const { data } = await apiFetch<{ items: TNotificationView[]; unread: number }>("/api/notifications", {
      cache: "no-store",
    });
    if (!data || request !== latestRequest.current) return;
    setItems(data.items);
    setUnread(data.unread);
  }, []);

  const markRead = useCallback(async (input: TMarkRead) => {
    latestRequest.current++;
    const ids = new Set(input.ids ?? []);
    const markItems = () =>
      setItems(
        (current) => current?.map((item) => (input.all || ids.has(item.id) ? { ...item, isRead: true } : item)) ?? null,
      );
    markItems();
    const { data } = await apiFetch<{ unread: number }>("/api/notifications/read", {
      method: "POST",
      body: input,
      keepalive: true,
    });
    // A list fetched while the marking was on its way (news from the stream meanwhile) may predate it: the items
    // marked stay read, and a list still on its way is dropped, or it would show them unread beside a bell that
    // says none are.
    latestRequest.current++;
    markItems();
    if (data) setUnread(data.unread);
  }, []);

  return { unread, items, connection, newsVersion, load, markRead };
}
