/**
 * Automatic versions "while a plan is being edited": the collab server
 * notes each plan it saves a section of, and every interval takes one
 * snapshot of each such plan (lib/versions/take-auto-snapshot.ts). A plan
 * nobody edits gets none; one identical to the latest version is skipped.
 * With several collab servers, a snapshot is also skipped while the plan's
 * latest version is younger than half the interval, so between them they
 * take about one per interval; a plan skipped for that reason stays noted
 * and is tried at the next tick.
 */
import { takeAutoSnapshot } from "@/lib/versions/take-auto-snapshot";

export type AutoSnapshots = {
  /** A section of this plan was just saved. */
  noteEdited: (planId: string) => void;
  /** Takes the snapshots now (the timer calls it); returns the plans that got a new version. */
  tick: () => Promise<string[]>;
  stop: () => void;
};

export function startAutoSnapshots({
  intervalMs,
  log,
}: {
  intervalMs: number;
  log: (line: string) => void;
}): AutoSnapshots {
  let edited = new Set<string>();
  let running: Promise<string[]> | null = null;
  const tick = async () => {
    const plans = [...edited];
    edited = new Set();
    const taken: string[] = [];
    for (const planId of plans) {
      try {
        const result = await takeAutoSnapshot({ planId, minAgeMs: intervalMs / 2 });
        if (result.status === "taken") {
          taken.push(planId);
          const pruned = result.pruned.length
            ? `; thinned out older automatic versions ${result.pruned.join(", ")}`
            : "";
          log(`plan ${planId}: automatic version ${result.version.number} (${result.version.label})${pruned}`);
        }
        if (result.status === "recent") edited.add(planId);
      } catch (error) {
        // A plan deleted meanwhile fails for good; anything else is worth another try.
        if ((error as { code?: string }).code !== "not_found") edited.add(planId);
        log(`plan ${planId}: automatic version failed: ${(error as Error).message}`);
      }
    }
    return taken;
  };
  // One tick at a time: a slow database must not stack snapshots of the same plan.
  const runTick = () => (running ??= tick().finally(() => (running = null)));
  const timer = intervalMs > 0 ? setInterval(() => void runTick(), intervalMs) : null;
  timer?.unref();
  return { noteEdited: (planId) => void edited.add(planId), tick: runTick, stop: () => timer && clearInterval(timer) };
}
