/**
 * Password rules and hashing. Rules follow NIST SP 800-63B section 3.1.1.2: at
 * least 8 characters, at least 64 allowed (Gatehouse allows 256), counted as
 * Unicode code points after NFKC normalisation, and no composition rules.
 *
 * bcrypt reads only the first 72 bytes of its input, and 64 characters of
 * non-Latin text can take 256 bytes in UTF-8. Rejecting long passwords would
 * break the 64-character minimum, so every password is pre-hashed: bcrypt gets
 * the base64 of HMAC-SHA-256(password), 44 ASCII bytes with no NUL, and every
 * character of the password counts. The HMAC key is a fixed domain separator,
 * not a secret, so that a leaked plain SHA-256 of a password cannot be fed to
 * bcrypt in its place ("hash shucking").
 */
import { createHmac } from "node:crypto";
import bcrypt from "bcryptjs";
import { AuthError } from "./errors.js";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;
/** bcryptjs accepts costs 4 to 31; each step doubles the work. */
export const MIN_BCRYPT_COST = 4;
export const MAX_BCRYPT_COST = 31;
/** OWASP's Password Storage cheat sheet recommends a bcrypt work factor of 10 or more, and 12 leaves headroom. */
export const DEFAULT_BCRYPT_COST = 12;

const PREHASH_KEY = "gatehouse/bcrypt-prehash/v1";

/**
 * Normalises a password to NFKC and checks its length, throwing INVALID_PASSWORD
 * with the limit in the message. The length is checked before normalising too,
 * so a megabyte of input is rejected without being processed.
 */
export function parsePassword(raw: string, field = "password"): string {
  // NFKC can only grow a string about 18-fold, and a code point takes at most two
  // UTF-16 units, so anything past this bound is over the limit after normalising.
  if (raw.length > MAX_PASSWORD_LENGTH * 2) {
    throw tooLong(field);
  }
  const password = raw.normalize("NFKC");
  const length = countCodePoints(password);
  if (length < MIN_PASSWORD_LENGTH) {
    throw new AuthError(
      "INVALID_PASSWORD",
      `Password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`,
      { field },
    );
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw tooLong(field);
  }
  return password;
}

export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Hashing and verification, replaceable so that servers can move bcrypt off the event loop. */
export interface PasswordHasher {
  hash(password: string, cost: number): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

/** Runs bcryptjs on the calling thread. */
export const inlinePasswordHasher: PasswordHasher = {
  hash: (password, cost) => bcrypt.hash(prehash(password), cost),
  verify: (password, hash) => bcrypt.compare(prehash(password), hash),
};

/** Returns the bcrypt input for a normalised password; exported for hashers in worker threads. */
export function prehash(password: string): string {
  return createHmac("sha256", PREHASH_KEY).update(password, "utf8").digest("base64");
}

/** Reads the cost factor out of a bcrypt hash such as "$2b$12$...". */
export function readBcryptCost(hash: string): number {
  return bcrypt.getRounds(hash);
}

export function assertBcryptCost(cost: number): void {
  if (!Number.isInteger(cost) || cost < MIN_BCRYPT_COST || cost > MAX_BCRYPT_COST) {
    throw new AuthError(
      "INVALID_CONFIG",
      `bcrypt cost must be a whole number from ${MIN_BCRYPT_COST} to ${MAX_BCRYPT_COST}, got ${String(cost)}.`,
    );
  }
}

function tooLong(field: string): AuthError {
  return new AuthError(
    "INVALID_PASSWORD",
    `Password is too long: use at most ${MAX_PASSWORD_LENGTH} characters.`,
    { field },
  );
}
