"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { PasswordResetButton } from "./password-reset-button";
import { Button } from "@/components/ui/button";
import type { DelegationChoice } from "@/lib/users/delegation-label";
import { DelegationOptions } from "./delegation-picker";

type User = { id: string; email: string; role: string; delegationId: string | null; isDisabled: boolean };

/** Role, delegation and enable/disable for one user; each change is saved at once and reported. */
export function UserRowControls({
  user,
  delegations,
  isSelf,
}: {
  user: User;
  delegations: DelegationChoice[];
  isSelf: boolean;
}) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [isSaving, startSaving] = useTransition();

  function save(change: Record<string, unknown>) {
    setStatus("Saving…");
    startSaving(async () => {
      const { error } = await apiFetch(`/api/admin/users/${user.id}`, { method: "PATCH", body: change });
      setStatus(error ?? "Saved");
      if (!error) router.refresh();
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        Role of {user.email}
      </label>
      <select
        id={`role-${user.id}`}
        defaultValue={user.role}
        disabled={isSaving || isSelf}
        onChange={(e) =>
          save({
            role: e.target.value,
            delegationId: e.target.value === "delegate" ? (user.delegationId ?? delegations[0]?.id) : null,
          })
        }
        className="rounded border border-slate-400 px-2 py-1"
      >
        {["admin", "facilitator", "delegate", "observer"].map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      {user.role === "delegate" && (
        <>
          <label className="sr-only" htmlFor={`delegation-${user.id}`}>
            Delegation of {user.email}
          </label>
          <select
            id={`delegation-${user.id}`}
            defaultValue={user.delegationId ?? ""}
            disabled={isSaving}
            onChange={(e) => save({ delegationId: e.target.value })}
            className="max-w-48 rounded border border-slate-400 px-2 py-1"
          >
            <DelegationOptions choices={delegations} />
          </select>
        </>
      )}
      {!isSelf && (
        <Button
          variant="secondary"
          size="compact"
          className="py-1"
          disabled={isSaving}
          onClick={() => save({ disabled: !user.isDisabled })}
        >
          {user.isDisabled ? `Enable ${user.email}` : `Disable ${user.email}`}
        </Button>
      )}
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </span>
      {!user.isDisabled && <PasswordResetButton userId={user.id} email={user.email} />}
    </div>
  );
}
