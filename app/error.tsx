"use client";

import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { Button } from "@/components/ui/button";

/**
 * A failure while rendering. The usual cause is the database being down or
 * restarting (the server's message is hidden in production, so we cannot
 * tell for sure): say so, and offer a retry that fetches the page again from
 * the server — reset() alone would only re-render the failed client tree.
 * The app reconnects to the database by itself once it is back.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">This page could not be loaded</h1>
      <p className="text-slate-700">
        The database may be unavailable for a moment (for example while it restarts). Try again in a moment: the app
        reconnects by itself. If it keeps happening, check that the database is running.
      </p>
      <Button variant="primary" size="lg" onClick={retry}>
        Try again
      </Button>
    </div>
  );
}
