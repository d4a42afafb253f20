import Link from "next/link";

const LINKS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/invites", label: "Invites" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav({ current }: { current: string }) {
  return (
    <nav aria-label="Admin" className="flex gap-4 border-b border-slate-200 pb-2 text-sm">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.href === current ? "page" : undefined}
          className={link.href === current ? "font-semibold text-un-dark" : "text-slate-700 hover:text-un"}
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
