/**
 * Between a thread card and its marked text in the section: clicking one
 * shows the other. Plain DOM, as the marks are drawn by the editor.
 */

/** The (first) thread of the commented text a click landed on, if it landed on some. */
export function threadOfMark(event: React.MouseEvent): string | null {
  const mark = (event.target as HTMLElement).closest?.(".comment-mark");
  return mark?.getAttribute("data-thread-ids")?.split(" ")[0] || null;
}

/** Clicking a thread scrolls its marked text into view and flashes it. */
export function showThreadText(text: HTMLElement | null, threadId: string): void {
  const mark = text?.querySelector<HTMLElement>(`.comment-mark[data-thread-ids~="${CSS.escape(threadId)}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: "center" });
  mark.classList.add("comment-mark-focused");
  setTimeout(() => mark.classList.remove("comment-mark-focused"), 1500);
}
