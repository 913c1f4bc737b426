import { AuthError } from "./errors.js";

/** RFC 5321 limits: 64 octets of local part and 254 for a whole forward path. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;

// One label of a domain name: letters, digits and inner hyphens, at most 63 long.
// Letters outside ASCII are allowed so that internationalised domains can register.
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;
// Printable characters other than space, "@", quotes, brackets and separators.
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;

/**
 * Trims, NFKC-normalises and lower-cases an address, so that "Ana@Example.com",
 * " ana@example.com " and the fullwidth "ａｎａ＠ｅｘａｍｐｌｅ.ｃｏｍ" are one account.
 */
export function normalizeEmail(raw: string): string {
  return raw.trim().normalize("NFKC").toLowerCase();
}

/**
 * Normalises an address and checks its form, throwing INVALID_EMAIL with a
 * message that states what to fix. The check runs after normalisation, so what is
 * validated is exactly what gets stored.
 */
export function parseEmail(raw: string): string {
  if (raw.length > MAX_EMAIL_LENGTH * 4) {
    throw invalidEmail(`Email address is too long: use at most ${MAX_EMAIL_LENGTH} characters.`);
  }
  const email = normalizeEmail(raw);

  if (email.length === 0) {
    throw invalidEmail("Email address is required.");
  }
  if (email.length > MAX_EMAIL_LENGTH) {
    throw invalidEmail(`Email address is too long: use at most ${MAX_EMAIL_LENGTH} characters.`);
  }

  const at = email.lastIndexOf("@");
  const localPart = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (at <= 0 || domain.length === 0 || localPart.includes("@")) {
    throw invalidEmail("Email address must look like name@example.com.");
  }
  if (localPart.length > MAX_LOCAL_PART_LENGTH) {
    throw invalidEmail(`The part before "@" is too long: use at most ${MAX_LOCAL_PART_LENGTH} characters.`);
  }
  if (!LOCAL_PART.test(localPart) || localPart.startsWith(".") || localPart.endsWith(".") || localPart.includes("..")) {
    throw invalidEmail("The part before \"@\" contains characters an email address cannot have.");
  }

  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    throw invalidEmail("The domain after \"@\" must be a name such as example.com.");
  }
  return email;
}

function invalidEmail(message: string): AuthError {
  return new AuthError("INVALID_EMAIL", message, { field: "email" });
}
