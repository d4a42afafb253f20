import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { authorizePage, requirePageUser } from "@/lib/auth/current-user";
import { listAuditLog, ZAuditFilter } from "@/lib/audit/list-audit-log";
import { listUsers } from "@/lib/users/list-users";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requirePageUser("/admin/audit");
  authorizePage(actor, "audit.read");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter(([, v]) => typeof v === "string" && v !== ""),
  );
  const parsed = ZAuditFilter.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const [entries, users] = await Promise.all([listAuditLog({ actor, filter }), listUsers({ actor })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <AdminNav current="/admin/audit" />
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-user" className="block font-medium">
            User
          </label>
          <select
            id="audit-user"
            name="userId"
            defaultValue={filter.userId ?? ""}
            className="rounded border border-slate-400 px-2 py-1"
          >
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.email}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="block font-medium">
            Action
          </label>
          <input
            id="audit-action"
            name="action"
            defaultValue={filter.action ?? ""}
            placeholder="e.g. user.disable"
            className="rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="audit-from" className="block font-medium">
            From
          </label>
          <input
            id="audit-from"
            name="from"
            type="date"
            defaultValue={filter.from ?? ""}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="audit-to" className="block font-medium">
            To
          </label>
          <input
            id="audit-to"
            name="to"
            type="date"
            defaultValue={filter.to ?? ""}
            className="rounded border border-slate-400 px-2 py-1"
          />
        </div>
        <Button variant="primary" size="lg" type="submit">
          Filter
        </Button>
        {!parsed.success && (
          <p role="alert" className="text-red-700">
            Some filters were not valid and were ignored.
          </p>
        )}
      </form>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">
              When (UTC)
            </th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Resource</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-slate-200 align-top">
              <td className="py-2 whitespace-nowrap">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{e.user?.email ?? "system"}</td>
              <td className="font-mono">{e.action}</td>
              <td>
                {e.resourceType}
                {e.resourceId ? ` ${e.resourceId}` : ""}
              </td>
              <td>
                <code className="break-all text-xs">{JSON.stringify(e.detail)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p className="text-slate-700">No entries match.</p>}
    </div>
  );
}
