import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { InviteForm } from "@/components/admin/invite-form";
import { RevokeInviteButton } from "@/components/admin/revoke-invite-button";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { toDelegationChoices } from "@/lib/users/delegation-label";
import { listDelegationChoices, listInvites } from "@/lib/users/list-users";
import { formatDay, formatDayAndTime } from "@/lib/dates/format-date";

export const metadata: Metadata = { title: "Invites" };

function describeInvite(invite: { usedAt: Date | null; expiresAt: Date }): string {
  if (invite.usedAt) return `used ${formatDay(invite.usedAt)}`;
  return invite.expiresAt < new Date() ? "expired" : `open until ${formatDayAndTime(invite.expiresAt)}`;
}

export default async function InvitesPage() {
  const actor = await requirePageUser("/admin/invites");
  authorizePage(actor, "user.manage");
  const [invites, delegations] = await Promise.all([listInvites({ actor }), listDelegationChoices({ actor })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Invites</h1>
      <AdminNav current="/admin/invites" />
      {/* A legacy "other" delegation takes no new members (lib/users/create-invite.ts). */}
      <InviteForm delegations={toDelegationChoices(delegations.filter((d) => d.kind !== "other"))} />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Invites sent</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">
              Email
            </th>
            <th scope="col">Role</th>
            <th scope="col">Delegation</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((invite) => (
            <tr key={invite.id} className="border-b border-slate-200">
              <td className="py-2">{invite.email}</td>
              <td>{invite.role}</td>
              <td>{invite.delegation?.name ?? "–"}</td>
              <td>{describeInvite(invite)}</td>
              <td>
                {!invite.usedAt && invite.expiresAt > new Date() && (
                  <RevokeInviteButton inviteId={invite.id} email={invite.email} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
