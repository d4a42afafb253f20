/**
 * Brackets in a negotiated text: words not yet agreed. A facilitator either
 * brackets a stretch of the text (the `bracket` mark) or replaces it with
 * alternatives, "[alt 1 / alt 2]" (the `alternatives` inline atom), each
 * tagged with the delegations that hold it. Both carry a stable bracketId, so
 * the status route can name the bracket that stops a paragraph being agreed,
 * and are part of the one schema: every reader sees them, the collaboration
 * server stores them and the exports print them in square brackets.
 *
 * Delegations are stored as id and display name together: the name prints
 * even if the roster is later renamed or the delegation removed.
 */
import { Mark, mergeAttributes, Node } from "@tiptap/core";
import { z } from "@/lib/validation/zod";
import { dataAttribute } from "./data-attribute";

export const BRACKET_MARK = "bracket";
export const ALTERNATIVES_NODE = "alternatives";

export const ZDelegationTag = z.object({ id: z.string().min(1).max(200), name: z.string().trim().min(1).max(200) });
export type TDelegationTag = z.infer<typeof ZDelegationTag>;

export const ZAlternative = z.object({
  text: z.string().trim().min(1).max(2000),
  delegations: z.array(ZDelegationTag).max(200),
});
export type TAlternative = z.infer<typeof ZAlternative>;

/** A delegation list read from a stored attribute: whatever does not parse is left out. */
export function readDelegationTags(value: unknown): TDelegationTag[] {
  const parsed = z.array(z.unknown()).safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.flatMap((item) => {
    const tag = ZDelegationTag.safeParse(item);
    return tag.success ? [tag.data] : [];
  });
}

/** The options of an alternatives node read from its attribute: anything malformed is left out. */
export function readAlternatives(value: unknown): TAlternative[] {
  const parsed = z.array(z.unknown()).safeParse(value);
  if (!parsed.success) return [];
  return parsed.data.flatMap((item) => {
    const option = z.object({ text: z.string(), delegations: z.unknown() }).safeParse(item);
    return option.success ? [{ text: option.data.text, delegations: readDelegationTags(option.data.delegations) }] : [];
  });
}

/** "[alt 1 / alt 2]": how alternatives read in the text, on the page and in print. */
export function printAlternatives(options: readonly TAlternative[]): string {
  return `[${options.map((option) => option.text).join(" / ")}]`;
}

/** The delegations as a reader names them: "Egypt, Norway"; "no delegation named" when none is. */
export function nameDelegations(delegations: readonly TDelegationTag[]): string {
  return delegations.length ? delegations.map((tag) => tag.name).join(", ") : "no delegation named";
}

/** What a bracket's footnote says in print: who holds the bracketed words, or each alternative. */
export function describeBracketNote(bracket: {
  text: string;
  delegations: readonly TDelegationTag[];
  options?: readonly TAlternative[];
}): string {
  if (!bracket.options) return `Bracketed text “${bracket.text}”, held by ${nameDelegations(bracket.delegations)}.`;
  return `Alternatives: ${bracket.options
    .map((option, index) => `(${index + 1}) “${option.text}”, held by ${nameDelegations(option.delegations)}`)
    .join("; ")}.`;
}

/** JSON attributes travel through HTML as a data attribute; one that does not parse is dropped. */
function parseJsonAttribute(element: HTMLElement, name: string): unknown {
  try {
    return JSON.parse(element.getAttribute(name) ?? "null");
  } catch {
    return null;
  }
}

/**
 * A bracketed stretch of text. Not inclusive: words typed at its edges stay
 * outside it, as a drafter expects of a bracket already closed. Square
 * brackets are drawn by CSS around it (app/globals.css), never typed into
 * the text, so the words themselves stay as they are.
 */
export const BracketMark = Mark.create({
  name: BRACKET_MARK,
  inclusive: false,
  addAttributes() {
    return {
      bracketId: dataAttribute("bracketId", "data-bracket-id"),
      delegations: {
        default: [],
        parseHTML: (element) => readDelegationTags(parseJsonAttribute(element, "data-delegations")),
        renderHTML: (attributes) => {
          const delegations = readDelegationTags(attributes.delegations);
          return {
            "data-delegations": JSON.stringify(delegations),
            title: `Bracketed, held by ${nameDelegations(delegations)}`,
          };
        },
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-bracket-id]:not([data-alternatives])" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "bracket-mark" }, HTMLAttributes), 0];
  },
});

/**
 * Words replaced by alternatives: an inline atom holding each option and the
 * delegations behind it, shown as "[alt 1 / alt 2]". Its words are not the
 * paragraph's agreed words, so plain text reads it as printed, but passages
 * keep it apart from their text (lib/editor/passages.ts `brackets`).
 */
export const Alternatives = Node.create({
  name: ALTERNATIVES_NODE,
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      bracketId: dataAttribute("bracketId", "data-bracket-id"),
      options: {
        default: [],
        parseHTML: (element) => readAlternatives(parseJsonAttribute(element, "data-options")),
        renderHTML: (attributes) => {
          const options = readAlternatives(attributes.options);
          return {
            "data-options": JSON.stringify(options),
            title: options.map((option) => `“${option.text}”: ${nameDelegations(option.delegations)}`).join("; "),
          };
        },
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-alternatives]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return [
      "span",
      mergeAttributes({ "data-alternatives": "", class: "bracket-alternatives" }, HTMLAttributes),
      printAlternatives(readAlternatives(node.attrs.options)),
    ];
  },
  renderText({ node }) {
    return printAlternatives(readAlternatives(node.attrs.options));
  },
});
