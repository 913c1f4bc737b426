/**
 * Recognises driver errors by their PostgreSQL SQLSTATE or Node.js error code.
 * drizzle-orm 0.45 wraps driver errors in DrizzleQueryError, whose message
 * includes the SQL text and parameters (hashes among them), so callers must
 * never log or return that message: summarizeDatabaseError keeps only codes.
 */

const CONNECTION_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08006", // connection_failure
]);

/** Walks the cause chain and returns the first string `code` found. */
export function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** SQLSTATE 23503: a foreign key rejected the row, for example because the user it names was deleted. */
export function isForeignKeyViolation(error: unknown): boolean {
  return findErrorCode(error) === "23503";
}

/** SQLSTATE 23505: a unique constraint rejected the row. */
export function isUniqueViolation(error: unknown): boolean {
  return findErrorCode(error) === "23505";
}

export function isConnectionError(error: unknown): boolean {
  const code = findErrorCode(error);
  return code !== undefined && CONNECTION_ERROR_CODES.has(code);
}
