"use client";

import { useState } from "react";
import { DelegationPicker } from "@/components/admin/delegation-picker";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/http/api-fetch";
import { formatSponsors } from "@/lib/plan/format-sponsors";
import type { DelegationChoice } from "@/lib/users/delegation-label";

type Sponsor = { id: string; name: string };

/**
 * The draft's sponsors, as the exports print them; facilitators add and
 * remove them here. Each change sends the whole list (PUT) and shows the list
 * the server answers with, so the next change starts from what was saved.
 */
export function PlanSponsors({
  planId,
  sponsors: initialSponsors,
  choices,
  canManage,
}: {
  planId: string;
  sponsors: Sponsor[];
  /** The plan's roster; empty for those who cannot manage sponsors. */
  choices: DelegationChoice[];
  canManage: boolean;
}) {
  const [sponsors, setSponsors] = useState(initialSponsors);
  const [status, setStatus] = useState<{ message: string; isError?: boolean; isSaving?: boolean }>({ message: "" });

  async function save(ids: string[], done: string) {
    setStatus({ message: "Saving sponsors…", isSaving: true });
    const { data, error } = await apiFetch<{ sponsors: Sponsor[] }>(`/api/plans/${planId}/sponsors`, {
      method: "PUT",
      body: { delegationIds: ids },
    });
    if (!data) return setStatus({ message: error ?? "The server sent no answer. Try again.", isError: true });
    setSponsors(data.sponsors);
    setStatus({ message: done });
  }

  function add(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = String(new FormData(event.currentTarget).get("delegationId") ?? "");
    const choice = choices.find((c) => c.id === id);
    if (!choice) return setStatus({ message: "Choose a delegation first.", isError: true });
    if (sponsors.some((s) => s.id === id)) return setStatus({ message: `${choice.label} already sponsors the draft.` });
    void save([...sponsors.map((s) => s.id), id], `${choice.label} added as a sponsor.`);
  }

  const names = formatSponsors(sponsors.map((s) => s.name));
  return (
    <section aria-labelledby="sponsors-heading" className="space-y-2" data-testid="plan-sponsors">
      <h2 id="sponsors-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Sponsors
      </h2>
      <p className="text-sm">{names ? `Sponsored by ${names}.` : "No sponsors yet."}</p>
      {canManage && (
        <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium">Manage sponsors</summary>
          <div className="mt-3 space-y-3">
            {sponsors.length > 0 && (
              <ul className="flex flex-wrap gap-2" aria-label="Sponsoring delegations">
                {sponsors.map((sponsor) => (
                  <li key={sponsor.id} className="flex items-center gap-1 rounded border border-slate-300 px-2 py-0.5">
                    {sponsor.name}
                    <Button
                      size="xs"
                      variant="danger"
                      disabled={status.isSaving}
                      aria-label={`Remove ${sponsor.name} from the sponsors`}
                      onClick={() =>
                        void save(
                          sponsors.filter((s) => s.id !== sponsor.id).map((s) => s.id),
                          `${sponsor.name} removed from the sponsors.`,
                        )
                      }
                    >
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <form onSubmit={add} className="grid max-w-md gap-2">
              <DelegationPicker choices={choices} id="sponsor-delegation" name="delegationId" label="Add a sponsor" />
              <Button
                type="submit"
                variant="primary-compact"
                size="md"
                className="justify-self-start"
                disabled={status.isSaving}
              >
                Add sponsor
              </Button>
            </form>
          </div>
        </details>
      )}
      <p role="status" aria-live="polite" className={`text-sm ${status.isError ? "text-red-700" : "text-slate-700"}`}>
        {status.message}
      </p>
    </section>
  );
}
