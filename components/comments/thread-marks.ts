/**
 * Between a thread card and its marked text in the section: clicking one
 * shows the other. Plain DOM, as the marks are drawn by the editor.
 */

/** Clicking commented text focuses its (first) thread's card. */
export function focusThreadOfMark(event: React.MouseEvent): void {
  const mark = (event.target as HTMLElement).closest?.(".comment-mark");
  const threadId = mark?.getAttribute("data-thread-ids")?.split(" ")[0];
  const thread = threadId ? document.getElementById(`thread-${threadId}`) : null;
  if (!thread) return;
  thread.scrollIntoView({ block: "nearest" });
  thread.focus({ preventScroll: true });
}

/** Clicking a thread scrolls its marked text into view and flashes it. */
export function showThreadText(text: HTMLElement | null, threadId: string): void {
  const mark = text?.querySelector<HTMLElement>(`.comment-mark[data-thread-ids~="${CSS.escape(threadId)}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: "center" });
  mark.classList.add("comment-mark-focused");
  setTimeout(() => mark.classList.remove("comment-mark-focused"), 1500);
}
