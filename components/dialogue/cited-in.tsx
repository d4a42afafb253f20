type Citation = {
  id: string;
  planId: string;
  blockId: string;
  section: { key: string; title: string };
  plan: { title: string };
};

/** "Cited in: Resources, Principles", each a link to the passage of the plan that uses this unit. */
export function CitedIn({ links }: { links: Citation[] }) {
  if (links.length === 0) return null;
  const unique = [...new Map(links.map((l) => [`${l.planId}|${l.section.key}|${l.blockId}`, l])).values()];
  // With more than one plan, say which plan each passage belongs to.
  const isSeveralPlans = new Set(unique.map((l) => l.planId)).size > 1;
  return (
    <p className="mt-2 text-xs text-slate-700">
      Cited in:{" "}
      {unique.map((link, i) => (
        <span key={link.id}>
          {i > 0 && ", "}
          <a
            href={`/plans/${link.planId}#${link.blockId ? `passage-${link.blockId}` : link.section.key}`}
            className="text-un-dark underline"
          >
            {link.section.title}
            {isSeveralPlans && ` (${link.plan.title})`}
          </a>
        </span>
      ))}
    </p>
  );
}
