"use client";

/** The amendments page's cards: after an action the page's server data is fetched again. */
import { useRouter } from "next/navigation";
import type { Viewer } from "@/components/comments/threads-panel";
import { AmendmentCard } from "./amendment-card";
import type { AmendmentView } from "./use-amendments";

export function AmendmentList({
  amendments,
  total,
  planId,
  viewer,
}: {
  amendments: AmendmentView[];
  total: number;
  planId: string;
  viewer: Viewer;
}) {
  const router = useRouter();
  if (!amendments.length) {
    return (
      <p className="text-sm text-slate-600">
        {total
          ? "No amendments match these filters."
          : "No amendments yet. Delegations propose them on selected text in the plan."}
      </p>
    );
  }
  return (
    <ol className="space-y-3">
      {amendments.map((amendment) => (
        <li key={amendment.id}>
          <AmendmentCard
            amendment={amendment}
            planId={planId}
            viewer={viewer}
            onChanged={() => router.refresh()}
            showSection
          />
        </li>
      ))}
    </ol>
  );
}
