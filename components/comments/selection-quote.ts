/** The passage and quote of the reader's current text selection inside `container`, for anchoring a comment. */
export type SelectedQuote = { blockId: string; exact: string; prefix: string; suffix: string };

const CONTEXT_CHARS = 32;

export function readSelectedQuote(container: HTMLElement): SelectedQuote | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const passage = start?.closest("li[data-block-id]") ?? start?.closest("[data-block-id]");
  if (!passage || !passage.contains(range.endContainer)) return null;
  const exact = selection.toString().trim().slice(0, 2000);
  if (!exact) return null;
  const text = passage.textContent ?? "";
  const at = text.indexOf(exact);
  return {
    blockId: passage.getAttribute("data-block-id")!,
    exact,
    prefix: at > 0 ? text.slice(Math.max(0, at - CONTEXT_CHARS), at) : "",
    suffix: at >= 0 ? text.slice(at + exact.length, at + exact.length + CONTEXT_CHARS) : "",
  };
}
