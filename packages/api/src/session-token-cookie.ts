/**
 * The cookie that carries the access token for the web pages: its names and how
 * the API reads it. Over https the cookie is `__Host-gatehouse_token`, which a
 * browser accepts only with Secure, Path=/ and no Domain, so no other host can
 * plant it; over https the unprefixed name is ignored for the same reason.
 * Setting and clearing the cookie happens in the web app, in one file.
 */

/** Cookie name over plain http, such as http://localhost during development. */
export const SESSION_COOKIE_NAME = "gatehouse_token";
/** Cookie name over https. */
export const SECURE_SESSION_COOKIE_NAME = "__Host-gatehouse_token";

/** Returns the cookie name to use for a request served over https (`secure`) or plain http. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME;
}

/**
 * Tells whether the request reached the site over https, from the first
 * `X-Forwarded-Proto` value a TLS-terminating proxy set, else the request URL.
 */
export function isHttpsRequest(headers: Headers, requestUrl?: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return requestUrl?.startsWith("https:") ?? false;
}

/** Parses a `Cookie` request header into name/value pairs; the first occurrence of a name wins. */
export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;

  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    let value = part.slice(separator + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** Reads the session token cookie of a request, or null when it carries none. */
export function readSessionCookieToken(headers: Headers, options: { secure: boolean }): string | null {
  const cookies = parseCookieHeader(headers.get("cookie"));
  const value = cookies.get(sessionCookieName(options.secure));
  return value ? value : null;
}
