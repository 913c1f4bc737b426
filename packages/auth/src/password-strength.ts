/**
 * Password strength from zxcvbn-ts 4 and its offline dictionary of common
 * passwords (@zxcvbn-ts/language-common, about 49,000 entries from leaked
 * password lists). Registration rejects passwords that are on that list, that
 * zxcvbn finds close to a listed one (such as "P@ssw0rd!") or built from the
 * email address or product name, or that it estimates to fall within 1,000
 * guesses (score 0). NIST SP 800-63B section 3.1.1.2 requires such a blocklist
 * of commonly used, expected or compromised values. This file imports
 * nothing from Node.js, so the register form can bundle it (subpath
 * `@gatehouse/auth/password-strength`) and show the same verdict before the
 * password is sent. The password list is about 370 kB of JavaScript before
 * compression, so load it lazily in the browser (for example with import()).
 */
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { AuthError } from "./errors.js";

/** zxcvbn's score: 0 is guessable within 10^3 guesses, 4 needs more than 10^10. */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  /** True when registration rejects the password as too common. */
  tooCommon: boolean;
  /** Advice for a stronger password, or null when the password is fine. */
  hint: string | null;
}

/** Words about this product that make a password guessable for anyone attacking a Gatehouse deployment. */
const CONTEXT_WORDS = ["gatehouse", "gate house"];

/** zxcvbn examines only this many characters, because longer passwords only get stronger. */
const MAX_CHECKED_LENGTH = 100;

const HINTS: Record<string, string> = {
  topTen: "This is one of the ten most used passwords.",
  topHundred: "This is one of the hundred most used passwords.",
  common: "This is a commonly used password.",
  similarToCommon: "This is close to a commonly used password.",
  wordByItself: "A single word is easy to guess.",
  namesByThemselves: "A name on its own is easy to guess.",
  commonNames: "Common names and surnames are easy to guess.",
  userInputs: "The password is built from your email address or the name of this service.",
  straightRow: "A row of keys on the keyboard is easy to guess.",
  keyPattern: "A short keyboard pattern is easy to guess.",
  simpleRepeat: "Repeated characters such as \"aaa\" are easy to guess.",
  extendedRepeat: "Repeated groups of characters are easy to guess.",
  sequences: "Sequences such as \"abc\" or \"6543\" are easy to guess.",
  recentYears: "Recent years are easy to guess.",
  dates: "Dates are easy to guess.",
};

/**
 * zxcvbn warnings that reject a password: it is, or is a small variation of,
 * a listed common password, or of the email address or product name. zxcvbn
 * gives warnings only for scores 0 to 2, so strong passphrases never match.
 */
const REJECTED_WARNINGS = new Set(["topTen", "topHundred", "common", "similarToCommon", "userInputs"]);

let factory: ZxcvbnFactory | undefined;

function getFactory(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: MAX_CHECKED_LENGTH });
  return factory;
}

/**
 * Estimates how guessable a password is. `userInputs` (such as the email
 * address) count as known words. The first call builds the dictionaries,
 * which takes tens of milliseconds.
 */
export function passwordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  const checked = password.normalize("NFKC").slice(0, MAX_CHECKED_LENGTH);
  const result: ZxcvbnResult = getFactory().check(checked, [...CONTEXT_WORDS, ...userInputs]);
  const score: PasswordScore = result.score;
  const onList = getCommonPasswords().has(checked.toLowerCase());
  const warning = result.feedback.warning;
  const tooCommon = onList || score === 0 || (warning !== null && REJECTED_WARNINGS.has(warning));

  let hint: string | null = null;
  if (tooCommon || score < 3) {
    const reason = (warning && HINTS[warning]) ?? "It is easy to guess.";
    hint = `${onList ? HINTS.common : reason} Use a longer passphrase of several unrelated words.`;
  }
  return { score, tooCommon, hint };
}

/** Throws INVALID_PASSWORD (field `password`) for a password that registration must reject as too common. */
export function assertPasswordNotCommon(password: string, options: { field?: string; userInputs?: string[] } = {}): void {
  const strength = passwordStrength(password, options.userInputs);
  if (!strength.tooCommon) return;
  throw new AuthError(
    "INVALID_PASSWORD",
    `Password is too common: ${strength.hint ?? "choose one that is harder to guess."}`,
    { field: options.field ?? "password" },
  );
}

let commonPasswords: Set<string> | undefined;

function getCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(dictionary["passwords-common"]);
  return commonPasswords;
}
