/**
 * Test support: a pino logger whose output lines are kept in memory, so tests
 * can search what was logged.
 */
import { Writable } from "node:stream";
import { createLogger, type Logger } from "./logger";

export interface CapturedLogger {
  logger: Logger;
  /** Every line written so far, in order. */
  lines: string[];
}

export function createCapturedLogger(level = "info"): CapturedLogger {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    destination: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString("utf8"));
        callback();
      },
    }),
  });
  return { logger, lines };
}
