/**
 * Validates the `next` parameter that sends a person back to the page they
 * requested after signing in. Only a path on this site is followed. Anything a
 * browser could resolve to another origin is replaced by the default: `//evil`,
 * `/\evil`, `https://evil`, or a path with tabs or newlines, which URL parsers
 * strip. So the sign-in page cannot serve as an open redirect.
 */

export const DEFAULT_NEXT_PATH = "/account";
/** Longer values are not links a person followed; they are rejected rather than truncated. */
const MAX_NEXT_PATH_LENGTH = 2048;
const PLACEHOLDER_ORIGIN = "http://gatehouse.invalid";
// eslint-disable-next-line no-control-regex -- the point is to find control characters.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Returns `raw` when it is a path on this site, else DEFAULT_NEXT_PATH. */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_NEXT_PATH_LENGTH) return DEFAULT_NEXT_PATH;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return DEFAULT_NEXT_PATH;
  if (CONTROL_CHARACTERS.test(raw)) return DEFAULT_NEXT_PATH;

  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return DEFAULT_NEXT_PATH;

  return `${url.pathname}${url.search}${url.hash}`;
}
