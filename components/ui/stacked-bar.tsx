/**
 * Counts as one stacked bar, and its legend: the coverage board, the concern
 * register and the amendments' states all show how a whole splits up this
 * way. The bar is hidden from screen readers; every caller puts the numbers
 * in text beside it.
 */

export type BarSegment = { key: string; label: string; count: number; colour: string };

export function StackedBar({ segments, height = "h-5" }: { segments: readonly BarSegment[]; height?: string }) {
  const total = countAll(segments);
  return (
    <div className={`flex ${height} w-full overflow-hidden rounded bg-slate-100`} aria-hidden="true">
      {total > 0 &&
        segments.map(
          (segment) =>
            segment.count > 0 && (
              <div
                key={segment.key}
                className={segment.colour}
                style={{ width: `${(100 * segment.count) / total}%` }}
                title={`${segment.count} ${segment.label}`}
              />
            ),
        )}
    </div>
  );
}

/** The colour of each segment, named; with `withCounts`, each name followed by its count. */
export function BarLegend({ segments, withCounts = false }: { segments: readonly BarSegment[]; withCounts?: boolean }) {
  return (
    <ul className={`flex flex-wrap ${withCounts ? "gap-4 text-sm" : "gap-3 text-xs"}`} aria-label="Legend">
      {segments.map((segment) => (
        <li key={segment.key} className="flex items-center gap-1">
          <span className={`inline-block h-3 w-3 rounded ${segment.colour}`} aria-hidden="true" />
          {segment.label}
          {withCounts && (
            <>
              : <strong>{segment.count}</strong>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The sum of the segments' counts. */
export function countAll(segments: readonly BarSegment[]): number {
  return segments.reduce((sum, segment) => sum + segment.count, 0);
}
