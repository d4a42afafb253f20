"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

type Suggestion = {
  targetKey: string;
  address: string;
  snippet: string;
  score: number;
  speaker: { name: string; affiliation: string | null } | null;
  segment: string | null;
};

/**
 * "Suggest sources" for one passage: the ten best-ranked sentences and list
 * items not yet linked to it, each confirmed or rejected with one click.
 */
export function PassageSuggestions({
  planId,
  sectionKey,
  blockId,
  dialogueId,
  canDecide,
  passageText,
  onCite,
}: {
  planId: string;
  sectionKey: string;
  blockId: string;
  dialogueId: string;
  canDecide: boolean;
  /** The passage as it reads in the live editor, which may be ahead of the last save. */
  passageText?: string;
  /** In the live editor: puts a citation of this source at the caret; true once cited. */
  onCite?: (targetKey: string, label: string) => Promise<boolean>;
}) {
  const router = useRouter();
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [status, setStatus] = useState("");
  const [isBusy, setBusy] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  // The button that had focus is replaced by the list: keep the keyboard user's place.
  const hasList = suggestions !== null;
  useEffect(() => {
    if (hasList) listRef.current?.focus();
  }, [hasList]);

  async function load() {
    setStatus("Finding sources…");
    const params = new URLSearchParams({
      section: sectionKey,
      block: blockId,
      ...(passageText ? { text: passageText.slice(0, 2000) } : {}),
    });
    const { data: found, error } = await apiFetch<Suggestion[]>(`/api/plans/${planId}/suggestions?${params}`);
    if (error || !found) return setStatus("Could not load suggestions. Try again.");
    setSuggestions(found);
    setStatus(found.length ? `${found.length} suggestions` : "No further sources found.");
  }

  async function decide(suggestion: Suggestion, decision: "confirm" | "reject") {
    setStatus(decision === "confirm" ? "Confirming…" : "Rejecting…");
    setBusy(true);
    const { error } = await apiFetch(`/api/plans/${planId}/links`, {
      method: "POST",
      body: { sectionKey, blockId, targetKey: suggestion.targetKey, decision },
    });
    setBusy(false);
    if (error) return setStatus(error);
    dropSuggestion(suggestion);
    setStatus(decision === "confirm" ? `Confirmed ${suggestion.address}` : `Rejected ${suggestion.address}`);
    router.refresh();
  }

  /** A source just cited is linked to the passage now, like a confirmed one: it is no longer a suggestion. */
  async function cite(suggestion: Suggestion) {
    if (await onCite!(suggestion.targetKey, suggestion.address)) dropSuggestion(suggestion);
  }

  function dropSuggestion(suggestion: Suggestion) {
    setSuggestions((list) => list?.filter((s) => s.targetKey !== suggestion.targetKey) ?? null);
  }

  return (
    <div className="mt-1 text-sm">
      {suggestions === null ? (
        <Button variant="link" className="text-xs text-un-dark" onClick={load}>
          Suggest sources<span className="sr-only"> for this passage</span>
        </Button>
      ) : (
        <ol
          ref={listRef}
          tabIndex={-1}
          aria-label="Suggested sources"
          className="mt-1 space-y-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-un"
        >
          {suggestions.map((s, rank) => (
            <li key={s.targetKey} className="rounded border border-slate-200 bg-white p-2">
              <p className="text-xs text-slate-700">
                {s.speaker
                  ? `${s.speaker.name}${s.speaker.affiliation ? `, ${s.speaker.affiliation}` : ""}`
                  : "Summary list"}
                {s.segment ? ` · ${s.segment}` : ""} · rank {rank + 1}
              </p>
              <blockquote className="font-serif">{s.snippet}</blockquote>
              <p className="mt-1 flex flex-wrap items-center gap-2">
                <a href={`/dialogues/${dialogueId}#${s.address}`} className="font-mono text-xs text-un-dark underline">
                  #{s.address}
                </a>
                {canDecide && (
                  <>
                    <Button variant="success-solid" disabled={isBusy} onClick={() => decide(s, "confirm")}>
                      Confirm<span className="sr-only"> {s.address}</span>
                    </Button>
                    <Button variant="secondary" disabled={isBusy} onClick={() => decide(s, "reject")}>
                      Reject<span className="sr-only"> {s.address}</span>
                    </Button>
                    {onCite && (
                      <Button variant="outline" disabled={isBusy} onClick={() => cite(s)}>
                        Cite<span className="sr-only"> {s.address} at the caret</span>
                      </Button>
                    )}
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </p>
    </div>
  );
}
