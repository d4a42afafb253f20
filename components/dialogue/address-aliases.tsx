"use client";

/**
 * A bookmark, link or export that carries an old address (#opening.moon)
 * still lands on the statement: the address in the bar is swapped for the
 * current one (#opening.ban) and the page scrolls there. Renders nothing.
 */
import { useEffect } from "react";
import { resolveAlias } from "@/lib/dialogue/address-alias";
import type { AliasPair } from "@/lib/dialogue/address-alias";

export function AddressAliases({ aliases }: { aliases: readonly AliasPair[] }) {
  useEffect(() => {
    if (aliases.length === 0) return;
    const follow = () => {
      const current = resolveAlias(decodeURIComponent(window.location.hash.slice(1)), aliases);
      if (!current) return;
      window.history.replaceState(null, "", `#${encodeURIComponent(current)}`);
      document.getElementById(current)?.scrollIntoView();
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [aliases]);
  return null;
}
