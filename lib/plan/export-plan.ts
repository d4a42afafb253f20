/** The plan as JSON: sections with their text, Tiptap content and provenance, and the coverage counts. */
import { getPrisma } from "@/lib/db";
import { computeCoverage, countCoverage } from "@/lib/provenance/compute-coverage";

export async function exportPlan({ planId }: { planId: string }) {
  const prisma = getPrisma();
  const plan = await prisma.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      id: true, title: true, dialogueId: true,
      sections: {
        orderBy: { position: "asc" },
        select: {
          key: true, title: true, position: true, text: true, content: true,
          links: {
            // Links made in one transaction share a createdAt; the id breaks the tie so exports are stable.
            orderBy: [{ status: "asc" }, { createdAt: "asc" }, { id: "asc" }],
            select: {
              id: true, blockId: true, quoteExact: true, quotePrefix: true, quoteSuffix: true, relation: true, status: true,
              targetType: true, statementId: true, sentenceId: true, summaryItemId: true, amendmentId: true,
            },
          },
        },
      },
    },
  });
  const coverage = await computeCoverage({ planId });
  return {
    plan: { id: plan.id, title: plan.title, dialogueId: plan.dialogueId },
    sections: plan.sections.map((section) => ({
      key: section.key, title: section.title, order: section.position, text: section.text, content: section.content,
      links: section.links.map((link) => ({
        id: link.id, blockId: link.blockId,
        quote: { exact: link.quoteExact, prefix: link.quotePrefix, suffix: link.quoteSuffix },
        relation: link.relation, status: link.status,
        target: describeTarget(link),
      })),
    })),
    coverage: {
      ...Object.fromEntries(Object.entries(coverage.lists).map(([list, entries]) => [list, countCoverage(entries)])),
      speakers: countCoverage(coverage.speakers),
      delegations: countCoverage(coverage.delegations),
    },
  };
}

/** Where a link points. An accepted amendment is its own kind of source, not a summary item. */
function describeTarget(link: { targetType: string; statementId: string | null; sentenceId: string | null; summaryItemId: string | null; amendmentId: string | null }) {
  if (link.targetType === "statement") return { type: "statement" as const, id: link.statementId, sentenceId: link.sentenceId };
  if (link.targetType === "amendment") return { type: "amendment" as const, id: link.amendmentId, sentenceId: null };
  return { type: "summary-item" as const, id: link.summaryItemId, sentenceId: null };
}
