"use client";

/**
 * The bell in the header: the unread count on the button, and a list that
 * opens below it (a disclosure: Enter or Space opens it, Escape closes it and
 * puts focus back on the button, Tab walks through it). Following an item
 * marks it read first.
 */
import { useEffect, useId, useState } from "react";
import { Menu } from "@/components/ui/menu";
import type { StreamConnection } from "@/components/live/use-event-source";
import type { TMarkRead, TNotificationView } from "@/lib/notifications/schemas";
import { useNotificationFeed } from "./use-notification-feed";
import { Time } from "@/components/ui/time";

type Follow = (event: React.MouseEvent<HTMLAnchorElement>, item: TNotificationView) => void;

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { unread, items, connection, newsVersion, load, markRead } = useNotificationFeed(initialUnread);
  const [isOpen, setOpen] = useState(false);
  const headingId = useId();

  // The list is fetched when opened, and again on news while it is open.
  useEffect(() => {
    if (isOpen) void load();
  }, [isOpen, newsVersion, load]);

  const follow = createFollow({ markRead, close: () => setOpen(false) });
  return (
    <Menu
      trigger={
        <>
          <BellIcon />
          <UnreadCount unread={unread} />
        </>
      }
      label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications, none unread"}
      triggerTestId="notification-bell"
      triggerClassName="relative rounded p-1.5 text-slate-700 hover:bg-slate-100"
      className="relative flex items-center gap-1"
      data-connection={connection}
      aside={<ConnectionStatus connection={connection} />}
      isOpen={isOpen}
      onOpenChange={setOpen}
      panelLabelledBy={headingId}
      panelClassName="absolute right-0 top-full z-50 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white text-left shadow-lg"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold">
          Notifications
        </h2>
        <button
          type="button"
          onClick={() => void markRead({ all: true })}
          disabled={unread === 0}
          className="rounded px-1 text-xs text-un-dark underline hover:bg-slate-100 disabled:text-slate-500 disabled:no-underline"
        >
          Mark all as read
        </button>
      </div>
      <NotificationList items={items} onFollow={follow} />
    </Menu>
  );
}

/**
 * Following an item: marked read first, then the panel closes and the page
 * goes there. A new tab or window is left to the browser, marked read on the way.
 */
function createFollow({
  markRead,
  close,
}: {
  markRead: (input: TMarkRead) => Promise<void>;
  close: () => void;
}): Follow {
  return (event, item) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      if (!item.isRead) void markRead({ ids: [item.id] });
      return;
    }
    event.preventDefault();
    const target = event.currentTarget.href;
    void (async () => {
      if (!item.isRead) await markRead({ ids: [item.id] });
      close();
      // The same address again changes nothing by itself; the comments panel listens for this to show the thread.
      if (target === window.location.href) window.dispatchEvent(new HashChangeEvent("hashchange"));
      else window.location.assign(target);
    })();
  };
}

/** The unread count on the bell; hidden from screen readers, which hear it in the button's name. */
function UnreadCount({ unread }: { unread: number }) {
  if (unread === 0) return null;
  return (
    <span
      aria-hidden="true"
      data-testid="notification-badge"
      className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
    >
      {unread > 99 ? "99+" : unread}
    </span>
  );
}

/** Says so while the live stream is reconnecting; empty (but present, so it is announced) otherwise. */
function ConnectionStatus({ connection }: { connection: StreamConnection }) {
  return (
    <span role="status" className="text-xs text-slate-600" data-testid="notification-connection">
      {connection !== "reconnecting" ? (
        ""
      ) : (
        <>
          Reconnecting…<span className="sr-only"> (live notifications)</span>
        </>
      )}
    </span>
  );
}

/** The list in the open panel: loading, empty, or the notifications, unread ones marked for everyone. */
function NotificationList({ items, onFollow }: { items: TNotificationView[] | null; onFollow: Follow }) {
  if (items === null) return <p className="px-3 py-2 text-sm text-slate-600">Loading…</p>;
  if (items.length === 0) return <p className="px-3 py-2 text-sm text-slate-600">No notifications yet.</p>;
  return (
    <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
      {items.map((item) => (
        <li key={item.id}>
          <a
            href={toSafeHref(item.href)}
            onClick={(event) => onFollow(event, item)}
            data-testid="notification-item"
            data-read={item.isRead}
            className={`block px-3 py-2 text-sm hover:bg-slate-50 ${item.isRead ? "text-slate-700" : "bg-sky-50 font-medium text-slate-900"}`}
          >
            {!item.isRead && <span className="sr-only">Unread: </span>}
            {item.title}
            <span className="block text-xs font-normal text-slate-600">
              <Time date={item.createdAt} />
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Links stay inside the app: a path of ours, never another origin or a javascript: URL. */
function toSafeHref(href: string): string {
  return /^\/(?!\/)/.test(href) ? href : "/";
}

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
