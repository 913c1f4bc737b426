/**
 * The structured logger (pino). Fields that can carry a secret are redacted by
 * path as a second line of defence; the first is that no code logs them.
 */
import { pino, type Logger } from "pino";

export type { Logger };

export const REDACTED_PATHS = [
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "accessToken",
  "access_token",
  "passwordHash",
  "authorization",
  "cookie",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.token",
  "*.accessToken",
  "*.access_token",
  "*.passwordHash",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
];

export interface CreateLoggerOptions {
  level?: string;
  /** The stream that receives log lines; defaults to standard output. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  return pino(
    {
      name: "gatehouse",
      level: options.level ?? "info",
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    options.destination,
  );
}
