import Link from "next/link";
import type { TNegotiationView } from "@/lib/negotiation/read-negotiation";
import { Countdown } from "./countdown";

/** The round under way, its text and its deadlines with the time left: on the plan page and the negotiation page. */
export function RoundStatus({
  planId,
  round,
  withLink = false,
}: {
  planId: string;
  round: TNegotiationView["round"];
  withLink?: boolean;
}) {
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="round-status">
      <span className="font-medium">
        Round {round.number}, on {round.revisionLabel === "Zero draft" ? "the zero draft" : round.revisionLabel}
      </span>
      {round.commentDeadline && <Countdown deadline={round.commentDeadline} label="Comments" />}
      {round.amendmentDeadline && <Countdown deadline={round.amendmentDeadline} label="Amendments" />}
      {withLink && (
        <Link href={`/plans/${planId}/negotiation`} className="font-medium text-un-dark underline">
          Negotiation
        </Link>
      )}
    </p>
  );
}
