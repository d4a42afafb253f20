import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserRowControls } from "@/components/admin/user-row-controls";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { formatDelegationChoice } from "@/lib/users/delegation-label";
import { listDelegationChoices, listUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageUser("/admin/users");
  authorizePage(actor, "user.manage");
  const [users, delegations] = await Promise.all([listUsers({ actor }), listDelegationChoices({ actor })]);
  const choices = delegations.map((d) => ({ id: d.id, label: formatDelegationChoice(d) }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Users</h1>
      <AdminNav current="/admin/users" />
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Users, their roles and delegations</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">
              Name
            </th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Role and delegation</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-slate-200 align-top">
              <td className="py-2 font-medium">{user.name}</td>
              <td>{user.email}</td>
              <td>
                {user.disabledAt ? <span className="text-red-700">disabled</span> : "active"}
                {!user.hasPassword && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
                    no password yet: send a reset link
                  </span>
                )}
              </td>
              <td className="py-1">
                <UserRowControls
                  user={{
                    id: user.id,
                    email: user.email,
                    role: user.role,
                    delegationId: user.delegation?.id ?? null,
                    isDisabled: Boolean(user.disabledAt),
                  }}
                  delegations={choices}
                  isSelf={user.id === actor.id}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
