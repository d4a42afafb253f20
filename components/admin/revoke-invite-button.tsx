"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { Button } from "@/components/ui/button";

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
      <Button variant="secondary" onClick={revoke}>
        Revoke<span className="sr-only"> the invite for {email}</span>
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {status}
      </span>
    </span>
  );
}
