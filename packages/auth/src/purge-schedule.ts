import type { Database } from "./database.js";
import { AuthError } from "./errors.js";
import { purgeExpiredTokens, type PurgeOptions, type PurgeResult } from "./purge.js";

export interface PurgeScheduleOptions extends PurgeOptions {
  /** Seconds between purges; 0 starts nothing. */
  intervalSeconds: number;
  /** Called after each purge, for example to log the count. */
  onPurged?: ((result: PurgeResult) => void) | undefined;
  /** Called when a purge fails; the schedule keeps running. */
  onError?: ((error: unknown) => void) | undefined;
}

export interface PurgeSchedule {
  /** Stops the timer and waits for a purge in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs purgeExpiredTokens every `intervalSeconds` in this process. A purge
 * never overlaps the previous one, and the timer does not keep Node running.
 */
export function startPurgeSchedule(db: Database, options: PurgeScheduleOptions): PurgeSchedule {
  const { intervalSeconds, onPurged, onError, ...purgeOptions } = options;
  if (!Number.isFinite(intervalSeconds) || intervalSeconds < 0) {
    throw new AuthError("INVALID_CONFIG", `Purge interval must be 0 (off) or a positive number of seconds, got ${String(intervalSeconds)}.`);
  }
  if (intervalSeconds === 0) return { stop: () => Promise.resolve() };

  let running: Promise<void> | undefined;
  const runOnce = (): void => {
    if (running) return;
    running = purgeExpiredTokens(db, purgeOptions)
      .then((result) => onPurged?.(result))
      .catch((error: unknown) => onError?.(error))
      .finally(() => {
        running = undefined;
      });
  };

  const timer = setInterval(runOnce, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
