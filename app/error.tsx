"use client";

/** A failure while rendering (e.g. the database is down): say so and offer a retry. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-700">The page could not be loaded. If it keeps happening, check that the database is running.</p>
      <button type="button" onClick={reset} className="rounded bg-un px-4 py-1.5 font-medium text-white hover:bg-un-dark">
        Try again
      </button>
    </div>
  );
}
