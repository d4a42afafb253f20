/**
 * The clock of silence procedures, run by the one always-on process (the collaboration server): it adopts what is due
 * at once on start (a deadline that passed while the server was down), then sleeps until the next deadline, waking
 * at least every `recheckMs` to find procedures started meanwhile, and at once when `wake()` is called (a notice that
 * one was started or broken). Adopting is idempotent (adopt-due-silences.ts), so several servers, or a reader's lazy
 * adoption, racing this timer still adopt each revision once.
 */
import { adoptDueSilences, readNextSilenceDeadline } from "./adopt-due-silences";

export type SilenceTimer = {
  /** Looks again now: adopts what is due and schedules the next deadline. */
  wake: () => Promise<void>;
  stop: () => void;
};

export function startSilenceTimer({
  recheckMs,
  log,
}: {
  recheckMs: number;
  log: (line: string) => void;
}): SilenceTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let isStopped = false;

  const tick = async () => {
    clearTimeout(timer);
    let delayMs = recheckMs;
    try {
      for (const adopted of await adoptDueSilences())
        log(`plan ${adopted.planId}: ${adopted.revision} adopted under silence`);
      const next = await readNextSilenceDeadline();
      if (next) delayMs = Math.min(recheckMs, Math.max(0, next.getTime() - Date.now()) + 50);
    } catch (error) {
      // The database may be down: try again at the next recheck.
      log(`silence check failed: ${(error as Error).message}`);
    }
    if (!isStopped) {
      timer = setTimeout(() => void wake(), delayMs);
      timer.unref();
    }
  };
  // One look at a time; a wake during a look is one more look after it.
  let isAgain = false;
  const wake = async (): Promise<void> => {
    if (running) {
      isAgain = true;
      return running;
    }
    running = tick().finally(() => {
      running = null;
      if (isAgain && !isStopped) {
        isAgain = false;
        void wake();
      }
    });
    return running;
  };
  void wake();
  return {
    wake,
    stop() {
      isStopped = true;
      clearTimeout(timer);
    },
  };
}
