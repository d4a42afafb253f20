"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";
import type { DelegationChoice } from "@/lib/users/delegation-label";
import { DelegationPicker } from "./delegation-picker";

/** Invites a user; shows the one-time link, which is not stored anywhere and cannot be shown again. */
export function InviteForm({ delegations }: { delegations: DelegationChoice[] }) {
  const router = useRouter();
  const [role, setRole] = useState("delegate");
  const [status, setStatus] = useState<{ error?: string; link?: string; saving?: boolean }>({});

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setStatus({ saving: true });
    const { data, error } = await apiFetch("/api/admin/invites", {
      method: "POST",
      body: {
        email: form.get("email"),
        role,
        delegationId: role === "delegate" ? form.get("delegationId") : null,
      },
    });
    if (error) return setStatus({ error });
    setStatus({ link: (data as { link: string }).link });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="grid max-w-xl gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor="invite-email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="invite-email"
          name="email"
          type="email"
          required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-1.5"
        />
      </div>
      <div>
        <label htmlFor="invite-role" className="block text-sm font-medium">
          Role
        </label>
        <select
          id="invite-role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          className="mt-1 rounded border border-slate-400 px-2 py-1.5"
        >
          {["delegate", "facilitator", "observer", "admin"].map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {role === "delegate" && (
        <DelegationPicker choices={delegations} id="invite-delegation" name="delegationId" label="Delegation" />
      )}
      <Button variant="primary" size="lg" className="justify-self-start" type="submit" disabled={status.saving}>
        {status.saving ? "Creating invite…" : "Create invite"}
      </Button>
      <div role="status" aria-live="polite" className="text-sm">
        {status.error && <p className="text-red-700">{status.error}</p>}
        {status.link && (
          <p>
            Send this one-time link (valid 7 days; it will not be shown again):{" "}
            <output data-testid="invite-link" className="block break-all rounded bg-slate-100 p-2 font-mono text-xs">
              {status.link}
            </output>
          </p>
        )}
      </div>
    </form>
  );
}
