/**
 * The document templates a plan is seeded from. Each is data (a JSON file
 * beside this one), checked against ZPlanTemplate when the module loads, so a
 * broken template fails the first test that imports it, not a facilitator.
 *
 * A template's words are topic-neutral: a section's guidance says what the
 * section is for, and its phrases are the drafting vocabulary ("targets",
 * "funding", "monitoring") by which seeding recognizes the list items that
 * belong there (lib/plan/place-items.ts). Anything about the dialogue's
 * topic comes from the dialogue itself.
 */
import { z } from "zod";
import { SUMMARY_LISTS } from "@/lib/dialogue/types";
import gaResolution from "./ga-resolution.json";
import planOfAction from "./plan-of-action.json";

const ZTemplateSection = z.object({
  /** Unique in the template; the section's key in the plan and its id in the page (letters, digits, hyphens). */
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.string().min(1),
  guidance: z.string().min(1),
  /**
   * The words that define the section ("target", "indicator"): an item that uses one always goes here. They are
   * phrases too.
   */
  anchors: z.array(z.string().min(1)).default([]),
  /** Words that say an item belongs here, matched by their stems as whole words. */
  phrases: z.array(z.string().min(1)).default([]),
  /** Lists whose every item goes here, before any phrase is looked at (a resolution's preamble takes what was agreed). */
  takes: z.array(z.enum(SUMMARY_LISTS)).default([]),
  /** Paragraphs the section starts with; "{topic}" is the dialogue's topic. */
  content: z.array(z.string()).default([]),
  /** The one section for "should" items and concerns that nothing else holds. */
  fallback: z.boolean().default(false),
  /** Which numbering its paragraphs continue; a template's annexed sections are the annex's. */
  part: z.enum(["main", "annex"]).default("main"),
});

const ZTemplateFile = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string().min(1),
  /** The plan's title; "{topic}" is the dialogue's topic. */
  documentTitle: z.string().includes("{topic}"),
  /**
   * Words left out of an item before it is matched: the name of the document being drafted ("a Global Plan of
   * Action would…"), which says nothing about where the item belongs, but would match "action" and "plan".
   */
  ignore: z.array(z.string().min(1)).default([]),
  /**
   * How exports print it: "plan" is a report in headed sections after a title page; "resolution" is the General
   * Assembly's own layout (symbol, title, "The General Assembly," before the preamble, numbered operative
   * paragraphs, "Annex" before the annexed sections). Data, not a key check, so a new resolution-like template needs
   * no code.
   */
  layout: z.enum(["plan", "resolution"]).default("plan"),
  sections: z.array(ZTemplateSection),
  /** Another template's sections, appended as this document's annex. */
  annex: z.object({ template: z.string(), titlePrefix: z.string(), keyPrefix: z.string() }).optional(),
});

export type TemplateSection = z.infer<typeof ZTemplateSection>;
export type PlanTemplate = Omit<z.infer<typeof ZTemplateFile>, "annex">;

export type TemplateLayout = PlanTemplate["layout"];

export const DEFAULT_TEMPLATE_KEY = "plan-of-action";

/** The template files with their annexes expanded, checked: unique keys, exactly one fallback section. */
function loadTemplates(files: unknown[]): PlanTemplate[] {
  const parsed = files.map((file) => ZTemplateFile.parse(file));
  const byKey = new Map(parsed.map((t) => [t.key, t]));
  return parsed.map(({ annex, ...template }) => {
    const annexed = annex ? (byKey.get(annex.template)?.sections ?? missing(annex.template)) : [];
    const sections = [
      ...template.sections,
      ...annexed.map((s) => ({
        ...s,
        part: "annex" as const,
        key: `${annex!.keyPrefix}${s.key}`,
        title: `${annex!.titlePrefix}${s.title}`,
      })),
    ];
    const keys = sections.map((s) => s.key);
    if (new Set(keys).size !== keys.length) throw new Error(`Template ${template.key}: section keys repeat`);
    if (sections.filter((s) => s.fallback).length !== 1)
      throw new Error(`Template ${template.key}: needs exactly one fallback section`);
    return { ...template, sections };
  });
}

function missing(key: string): never {
  throw new Error(`No template "${key}" to annex`);
}

export const PLAN_TEMPLATES: PlanTemplate[] = loadTemplates([planOfAction, gaResolution]);

export const TEMPLATE_KEYS = PLAN_TEMPLATES.map((t) => t.key) as [string, ...string[]];

/** The templates as a person chooses among them, the default first: what a page passes to the seed control. */
export function listTemplateChoices(): { key: string; name: string; description: string }[] {
  const ordered = [...PLAN_TEMPLATES].sort(
    (a, b) => Number(b.key === DEFAULT_TEMPLATE_KEY) - Number(a.key === DEFAULT_TEMPLATE_KEY),
  );
  return ordered.map(({ key, name, description }) => ({ key, name, description }));
}

export function findPlanTemplate(key: string): PlanTemplate | undefined {
  return PLAN_TEMPLATES.find((t) => t.key === key);
}

/** A template's words with the dialogue's topic filled in. */
export function fillTopic(text: string, topic: string): string {
  return text.replaceAll("{topic}", topic);
}
