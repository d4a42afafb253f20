/** Loads a plan with its sections and every link's source, for the plan page. */
import { getPrisma } from "@/lib/db";
import { LIVE_SECTION } from "./section-scope";

/**
 * Only what the page shows: every field here is rendered and sent to the
 * browser (the live sections are client components), so a field nobody
 * reads costs each page view its query, its rendering and its bytes.
 */
export async function getPlan({ planId }: { planId: string }) {
  const plan = await loadPlan(planId);
  if (!plan) return null;
  // A link to one sentence shows that sentence: its statement's whole text would only weigh down the page.
  const withoutUnusedText = (link: (typeof plan.sections)[number]["links"][number]) =>
    link.sentence && link.statement ? { ...link, statement: { ...link.statement, text: null } } : link;
  return {
    ...plan,
    sections: plan.sections.map((section) => ({ ...section, links: section.links.map(withoutUnusedText) })),
  };
}

function loadPlan(planId: string) {
  return getPrisma().plan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      title: true,
      structureRevision: true,
      dialogue: { select: { id: true, title: true, topic: true } },
      sections: {
        where: LIVE_SECTION,
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          title: true,
          part: true,
          level: true,
          content: true,
          text: true,
          guidance: true,
          links: {
            where: { status: { in: ["confirmed", "suggested", "suspect"] } },
            orderBy: [{ status: "asc" }, { score: "desc" }, { createdAt: "asc" }],
            select: {
              id: true,
              blockId: true,
              status: true,
              cited: true,
              relation: true,
              targetKey: true,
              summaryItem: { select: { key: true, list: true, n: true, text: true } },
              sentence: { select: { key: true, text: true } },
              statement: {
                select: {
                  key: true,
                  text: true,
                  speaker: { select: { name: true, affiliation: true } },
                  segment: { select: { kind: true, number: true, title: true } },
                },
              },
              amendment: {
                select: {
                  number: true,
                  newText: true,
                  kind: true,
                  rationale: true,
                  delegation: { select: { name: true } },
                },
              },
            },
          },
        },
      },
    },
  });
}

export type PlanForPage = NonNullable<Awaited<ReturnType<typeof getPlan>>>;
export type PlanLink = PlanForPage["sections"][number]["links"][number];

/** The plans of a dialogue, for links from the home page. */
export async function listPlans() {
  return getPrisma().plan.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, dialogueId: true, templateKey: true },
  });
}

/** A plan's title and dialogue, or null. */
export async function findPlanSummary({ planId }: { planId: string }) {
  return getPrisma().plan.findUnique({ where: { id: planId }, select: { id: true, title: true, dialogueId: true } });
}

/** A plan's title and its sections' keys and titles, in order: for pages about the plan rather than its text. */
export async function getPlanOutline({ planId }: { planId: string }) {
  return getPrisma().plan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      title: true,
      dialogueId: true,
      sections: { where: LIVE_SECTION, orderBy: { position: "asc" }, select: { key: true, title: true } },
    },
  });
}
