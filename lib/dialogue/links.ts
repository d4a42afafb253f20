/** Finds URLs in a paragraph and labels them with the words around them. */
import type { Link } from "./types";
import { foldSpace, stripMarkdown } from "./text";

const URL = /<(https?:\/\/[^>\s]+)>|\[[^\]]*\]\((https?:\/\/[^)\s]+)\)|(https?:\/\/[^\s<>\]\)]+)/g;

export function findLinks(text: string): string[] {
  return [...text.matchAll(URL)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** "[The morning session is available at: <http://…> ]" → label "The morning session is available at". */
export function linkFrom(text: string, url: string, noteLabel: string | null): Link {
  const words = foldSpace(stripMarkdown(text.replace(URL, (m, a, b, c) => ((a ?? b ?? c) === url ? "" : m))))
    .replace(/[\s[\]():,;.]+$/g, "")
    .replace(/^[\s[\]():,;]+/g, "");
  const label = words || noteLabel || url;
  return { label, url };
}
