/** What a point of the dialogue can be on the coverage board; pure, so pages and client code can read it. */

/** In the order the board shows them: reached, then less and less. */
export const COVERAGE_STATUSES = ["covered", "suspect", "suggested", "excluded", "uncovered"] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];
export type CoverageCounts = Record<CoverageStatus, number>;
