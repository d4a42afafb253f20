import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The head of a page about a plan (coverage, concerns, seeding report): the way back to the plan, the page's
 * heading, then what the page shows (children).
 */
export function PlanSubpageHeader({
  planId,
  planTitle,
  heading,
  children,
}: {
  planId: string;
  planTitle: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <header className="space-y-2">
      <p className="text-sm">
        <Link href={`/plans/${planId}`} className="text-un-dark underline">
          ← {planTitle}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{heading}</h1>
      {children}
    </header>
  );
}
