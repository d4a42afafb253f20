import Link from "next/link";
import { can } from "@/lib/auth/policies";
import type { CurrentUser } from "@/lib/auth/current-user";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SignOutButton } from "./sign-out-button";
import { Badge } from "@/components/ui/badge";

/** Who is signed in, in what role, their notifications, and the admin pages their role opens. */
export function UserMenu({ user, unreadNotifications }: { user: CurrentUser; unreadNotifications: number }) {
  return (
    <div className="ml-auto flex items-center gap-4 text-sm">
      {can(user, "user.manage") && (
        <Link href="/admin/users" className="text-slate-700 hover:text-un">
          Admin
        </Link>
      )}
      <NotificationBell initialUnread={unreadNotifications} />
      <span data-testid="current-user">
        <span className="font-medium">{user.name}</span>{" "}
        <Badge className="text-xs">
          {user.role}
          {user.delegation ? ` · ${user.delegation.name}` : ""}
          {user.delegation?.onBehalfOf ? ` (also for ${user.delegation.onBehalfOf})` : ""}
        </Badge>
      </span>
      <SignOutButton />
    </div>
  );
}
