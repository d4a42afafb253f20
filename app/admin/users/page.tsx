import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserRowControls } from "@/components/admin/user-row-controls";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { toDelegationChoices } from "@/lib/users/delegation-label";
import { listDelegationChoices, listUsers } from "@/lib/users/list-users";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageUser("/admin/users");
  authorizePage(actor, "user.manage");
  const [users, delegations] = await Promise.all([listUsers({ actor }), listDelegationChoices({ actor })]);
  const choices = toDelegationChoices(delegations);
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
                  <Badge tone="warning" className="ml-2 text-xs">
                    no password yet: send a reset link
                  </Badge>
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
