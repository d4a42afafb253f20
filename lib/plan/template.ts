/**
 * The skeleton of a Global Plan of Action, as data. Each section names the
 * summary-list items it answers by their key phrases (matched in an item's
 * text, ignoring case, hyphens and punctuation), never by number, so the
 * template fits every dialogue of the family.
 */
import type { SummaryListName } from "@/lib/dialogue/types";

export type TemplateSection = {
  key: string;
  title: string;
  /** The one-paragraph note that tells drafters what the section is for. */
  guidance: string;
  /** List → phrases; an item of that list that contains any phrase is answered by this section. */
  answers: Partial<Record<SummaryListName, string[]>>;
};

export const PLAN_TEMPLATE: TemplateSection[] = [
  {
    key: "principles",
    title: "Guiding principles",
    guidance:
      "State the principles the plan rests on: broad consensus, shared responsibility, transparency and ownership by all stakeholders. Say how the plan adds value without duplicating what exists.",
    answers: {
      should: ["broad consensus", "shared responsibility", "transparent", "ownership"],
      consensus: ["political will"],
      inFavour: ["political will", "comprehensive strategic framework", "common and comprehensive response"],
      concerns: ["no consensus", "premature", "add value"],
    },
  },
  {
    key: "situational-analysis",
    title: "Situational analysis",
    guidance:
      "Describe where we stand today, where we want to be and what we need to do to get there, with the evidence and data behind it.",
    answers: { should: ["situational analysis"], gaps: ["data collection"] },
  },
  {
    key: "objectives",
    title: "Strategic objectives",
    guidance:
      "Set the objectives along the five Ps (prevention, protection, prosecution, punishment, promotion of international cooperation) and the three Rs (redress, rehabilitation, reintegration), with a human-rights based, victim-centred approach.",
    answers: {
      should: ["human rights based approach", "concretize standards"],
      consensus: ["human rights violation"],
      gaps: ["protection of victims", "prosecution and conviction"],
    },
  },
  {
    key: "targets",
    title: "Targets and achievement indicators",
    guidance: "Give measurable targets and the indicators by which progress towards each objective will be assessed.",
    answers: { should: ["concretize standards"], inFavour: ["targets", "achievement indicators"] },
  },
  {
    key: "timeframe",
    title: "Timeframe",
    guidance:
      "Set out when each objective and target is to be reached, and when progress will be assessed and the plan revisited.",
    answers: { should: ["where we want to be"], inFavour: ["periodically assess progress"] },
  },
  {
    key: "resources",
    title: "Resources",
    guidance:
      "Map the resources the plan requires and how they may be mobilized, including technical assistance and capacity building.",
    answers: {
      should: ["resources required"],
      gaps: ["capacity building"],
      inFavour: ["technical assistance"],
      concerns: ["divert time resources"],
    },
  },
  {
    key: "recommended-actions",
    title: "Recommended actions",
    guidance:
      "List the recommended actions at national, regional and international level, with the expected result of each.",
    answers: {
      should: ["recommended actions at all levels"],
      gaps: ["comprehensive national anti trafficking laws", "awareness and prevention"],
      inFavour: ["global awareness"],
    },
  },
  {
    key: "cooperation",
    title: "Cooperation between countries of origin and destination",
    guidance:
      "Describe how countries of origin and destination, and all stakeholders, will cooperate and coordinate, and how the plan fits national and regional plans of action.",
    answers: {
      should: ["countries of origin and destination"],
      gaps: ["increase coordination", "improve cooperation"],
      inFavour: ["greater coordination", "international cooperation"],
      consensus: ["collective action"],
      concerns: ["national and regional plans of action"],
    },
  },
  {
    key: "root-causes-and-demand",
    title: "Root causes and demand",
    guidance: "Address the root causes that make people vulnerable and the demand that fosters exploitation.",
    answers: { should: ["root causes"], gaps: ["discourage demand", "root causes"] },
  },
  {
    key: "cross-cutting",
    title: "Cross-cutting issues",
    guidance:
      "Treat international cooperation, capacity building, human rights, gender equality, and monitoring and evaluation across every part of the plan.",
    answers: { should: ["cross cutting"] },
  },
  {
    key: "monitoring-and-review",
    title: "Monitoring and review",
    guidance:
      "Say how implementation will be monitored, evaluated and reviewed, who is accountable, and how data and good practices will be shared.",
    answers: {
      gaps: ["monitoring and evaluation"],
      inFavour: ["accountability", "good practices"],
      concerns: ["monitoring mechanism"],
    },
  },
  {
    key: "existing-instruments",
    title: "Existing instruments",
    guidance:
      "Explain how the plan complements the Convention against Transnational Organized Crime, the Trafficking in Persons Protocol and other instruments, and answer the concern that it would duplicate them.",
    answers: {
      should: ["complement existing regional and international instruments"],
      consensus: ["universal ratification", "full and effective implementation"],
      inFavour: ["complement"],
      concerns: ["duplicate existing international instruments", "reconciled"],
    },
  },
];

/** Lower case, hyphens and punctuation as spaces, so "Human-rights based" matches "human rights based". */
export function normalisePhrase(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/** Does an item's text contain one of the phrases, as whole words? */
export function answersItem(phrases: string[], itemText: string): boolean {
  const text = normalisePhrase(itemText);
  return phrases.some((phrase) => text.includes(normalisePhrase(phrase)));
}
