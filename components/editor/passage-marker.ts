/**
 * The mark after a passage: the numbers of its confirmed sources that its
 * text does not cite, and how many of its sources need a re-check (their
 * passage changed since they were confirmed). One description, drawn by the
 * server-rendered page (components/plan/section-view.tsx) and by the live
 * editor (source-numbers.ts) alike: "[1, 2] ⚠ 1 to re-check", with the whole
 * sentence as its tooltip and for screen readers.
 */
export type PassageMarker = { numbers: readonly number[]; toRecheck: number };

export const MARKER_CLASS = "passage-sources ml-1 font-sans text-xs";

export function describePassageMarker({ numbers, toRecheck }: PassageMarker) {
  const sources = numbers.length
    ? `${numbers.length} ${numbers.length === 1 ? "source" : "sources"} (${numbers.join(", ")})`
    : "";
  const recheck = toRecheck ? `${toRecheck} ${toRecheck === 1 ? "needs" : "need"} a re-check` : "";
  return {
    /** What the eye reads. */
    numbersText: numbers.length ? `[${numbers.join(", ")}]` : "",
    recheckText: toRecheck ? `⚠ ${toRecheck} to re-check` : "",
    /** The tooltip, and what a screen reader says. */
    sentence: [sources, recheck].filter(Boolean).join(", "),
    /** For tests and styles: the numbers and the count, as data. */
    data: { "data-numbers": numbers.join(","), "data-recheck": String(toRecheck) },
  };
}

/** The marker as a DOM element, for the live editor's widget decoration. */
export function renderPassageMarker(marker: PassageMarker): HTMLElement {
  const { numbersText, recheckText, sentence, data } = describePassageMarker(marker);
  const element = document.createElement("sup");
  element.className = MARKER_CLASS;
  element.contentEditable = "false";
  element.title = sentence;
  for (const [name, value] of Object.entries(data)) element.setAttribute(name, value);
  element.append(
    span(numbersText, "font-mono text-emerald-800", true),
    span(recheckText ? ` ${recheckText}` : "", "text-orange-800", true),
    span(sentence, "sr-only", false),
  );
  return element;
}

function span(text: string, className: string, isHidden: boolean): HTMLElement {
  const element = document.createElement("span");
  element.className = className;
  if (isHidden) element.setAttribute("aria-hidden", "true");
  element.textContent = text;
  return element;
}
