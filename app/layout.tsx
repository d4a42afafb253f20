import type { Metadata } from "next";
import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
import { getCurrentUser } from "@/lib/auth/current-user";
import { countUnreadNotifications } from "@/lib/notifications/count-unread";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "GPA Workspace", template: "%s · GPA Workspace" },
  description: "Draft a Global Plan of Action from what was said at a General Assembly dialogue.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Only to show who is signed in: every page checks access itself.
  const user = await getCurrentUser();
  // The bell's first number, so it does not flash empty; its live stream takes over from there.
  const unread = user ? await countUnreadNotifications({ viewer: user }) : 0;
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
          <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
            <Link href="/" className="font-semibold text-un-dark">
              GPA Workspace
            </Link>
            <Link href="/" className="text-sm text-slate-700 hover:text-un">
              Dialogues
            </Link>
            {user && <UserMenu user={user} unreadNotifications={unread} />}
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
