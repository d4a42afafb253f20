"use client";

/**
 * For admins, beside a statement in the reader: correct the speaker's family
 * name where the rule got it wrong. Saving re-addresses every statement of
 * the speaker (old addresses keep working) and reloads the reader at the
 * new address. The server checks the role again.
 */
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/http/api-fetch";

type Props = {
  dialogueId: string;
  speaker: { id: string; name: string; familyName: string | null };
  /** The statement's address, to land on again under its new one. */
  address: string;
};

export function FamilyNameControl({ dialogueId, speaker, address }: Props) {
  const router = useRouter();
  const [isOpen, setOpen] = useState(false);
  const [familyName, setFamilyName] = useState(speaker.familyName ?? "");
  const [status, setStatus] = useState("");
  const fieldId = useId();

  async function save(value: string | null) {
    setStatus("Re-addressing the statements…");
    const { data, error } = await apiFetch<{ addresses: string[] }>(
      `/api/dialogues/${encodeURIComponent(dialogueId)}/speakers/${encodeURIComponent(speaker.id)}`,
      { method: "PATCH", body: { familyName: value } },
    );
    if (error || !data) return setStatus(error ?? "Could not save. Try again.");
    setStatus(`Now addressed as ${data.addresses.map((a) => `#${a}`).join(", ")}`);
    setOpen(false);
    // The old address stays in the bar: once the page has the new aliases, the reader moves it to the new one.
    window.history.replaceState(null, "", `#${address}`);
    router.refresh();
  }

  return (
    <div className="mt-2 text-xs">
      {isOpen ? (
        <form
          aria-label={`Family name of ${speaker.name}`}
          className="flex flex-wrap items-center gap-2"
          onKeyDown={(event) => event.key === "Escape" && setOpen(false)}
          onSubmit={(event) => {
            event.preventDefault();
            void save(familyName.trim());
          }}
        >
          <label htmlFor={fieldId}>Family name of {speaker.name}</label>
          <input
            id={fieldId}
            autoFocus
            required
            maxLength={100}
            value={familyName}
            onChange={(event) => setFamilyName(event.target.value)}
            className="rounded border border-slate-400 px-2 py-0.5"
          />
          <Button type="submit" variant="primary-compact" size="xs">
            Save
          </Button>
          {speaker.familyName && (
            <Button type="button" variant="link" onClick={() => void save(null)}>
              Use the rule again
            </Button>
          )}
          <Button type="button" variant="link" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Button type="button" variant="link" className="text-slate-600" onClick={() => setOpen(true)}>
          Family name…<span className="sr-only"> of {speaker.name}</span>
        </Button>
      )}
      <p role="status" aria-live="polite" className="text-slate-600">
        {status}
      </p>
    </div>
  );
}
