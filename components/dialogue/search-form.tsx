"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Searches the dialogue through the URL (?q=), so a search can be shared and works without script. */
export function SearchForm({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [query, setQuery] = useState(initialQuery);
  const [isSearching, startSearch] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = query.trim();
    startSearch(() => router.push(q ? `${pathname}?q=${encodeURIComponent(q)}#search-results` : pathname));
  }

  return (
    <form role="search" action={pathname} method="get" onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <label htmlFor="dialogue-search" className="text-sm font-medium">
        Search the dialogue
      </label>
      <input
        id="dialogue-search"
        name="q"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        maxLength={200}
        placeholder="e.g. resources, demand, victims"
        className="min-w-56 flex-1 rounded border border-slate-400 bg-white px-3 py-1.5"
      />
      <Button
        variant="primary"
        size="lg"
        type="submit"

        disabled={isSearching}
      >
        Search
      </Button>
      <span role="status" aria-live="polite" className="text-sm text-slate-600">
        {isSearching ? "Searching…" : ""}
      </span>
    </form>
  );
}
