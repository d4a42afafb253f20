"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";

export function RevokeInviteButton({ inviteId, email }: { inviteId: string; email: string }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  async function revoke() {
    setStatus("Revoking…");
    const { error } = await apiFetch(`/api/admin/invites/${inviteId}`, { method: "DELETE" });
    if (error) return setStatus(error);
    setStatus("Revoked");
    router.refresh();
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={revoke}
        className="rounded border border-slate-400 px-2 py-0.5 text-xs hover:bg-slate-100"
      >
        Revoke<span className="sr-only"> the invite for {email}</span>
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </span>
    </span>
  );
}
