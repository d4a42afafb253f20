/** A version's change at a glance: green for words added, red for words removed, scaled to the largest change in the list. Decorative; the numbers are in the text beside it. */
export function ChangeBar({ added, removed, scale }: { added: number; removed: number; scale: number }) {
  const width = (words: number) => `${scale ? Math.max(words ? 2 : 0, Math.round((words / scale) * 100)) : 0}%`;
  return (
    <span aria-hidden="true" className="flex h-2 w-32 overflow-hidden rounded bg-slate-100">
      <span className="bg-emerald-500" style={{ width: width(added) }} />
      <span className="bg-red-500" style={{ width: width(removed) }} />
    </span>
  );
}
