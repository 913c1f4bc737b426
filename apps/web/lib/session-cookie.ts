/**
 * The only place the access token cookie is set or cleared. The cookie is
 * HttpOnly, so page scripts can never read the token, SameSite=Lax, so other
 * sites' subrequests and form POSTs do not carry it, and lives exactly as long
 * as the token. Over https it is Secure and uses the `__Host-` prefix, which
 * makes the browser refuse a copy set by any other host or path. When
 * validation slides a session's idle deadline, the cookie's expiry follows it.
 */
import "server-only";
import { isHttpsRequest, readSessionCookieToken, sessionCookieName, type ValidatedSessionEvent } from "@gatehouse/api";
import { cookies, headers } from "next/headers";

export interface SessionCookieAttributes {
  name: string;
  httpOnly: true;
  sameSite: "lax";
  path: "/";
  secure: boolean;
  /** Seconds until the token expires, rounded down, so the cookie never outlives the token. */
  maxAge: number;
  expires: Date;
}

/** Returns the name and attributes of the cookie that carries a token until `expiresAt`. */
export function sessionCookieAttributes(options: { secure: boolean; expiresAt: Date; now?: Date }): SessionCookieAttributes {
  const now = options.now ?? new Date();
  return {
    name: sessionCookieName(options.secure),
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: options.secure,
    maxAge: Math.max(0, Math.floor((options.expiresAt.getTime() - now.getTime()) / 1000)),
    expires: options.expiresAt,
  };
}

/** Tells whether the current request reached the site over https. */
export async function isSecureRequest(): Promise<boolean> {
  return isHttpsRequest(await headers());
}

/** Stores the access token in the session cookie of the response being built. */
export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const { name, ...attributes } = sessionCookieAttributes({ secure: await isSecureRequest(), expiresAt });
  (await cookies()).set(name, token, attributes);
}

/**
 * Moves the cookie's expiry to the session's new idle deadline after a
 * validation renewed it. A token that came in a Bearer header, or a session
 * that was not renewed, leaves the cookie as it is. Usable wherever Next.js
 * lets the server set cookies: route handlers and Server Actions.
 */
export async function extendSessionCookieOnRenewal(event: ValidatedSessionEvent): Promise<void> {
  if (event.source !== "cookie" || !event.session.renewed) return;
  await setSessionCookie(event.token, event.session.expiresAt);
}

/** Removes the session cookie, under the name the current scheme uses. */
export async function clearSessionCookie(): Promise<void> {
  const secure = await isSecureRequest();
  (await cookies()).set(sessionCookieName(secure), "", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: 0,
    expires: new Date(0),
  });
}

/**
 * Returns the request headers with the Cookie header rebuilt from `cookies()`.
 * After a Server Action sets a cookie, Next.js 16 renders the page with the
 * new value in `cookies()` but the original `headers()`. Reading the token from
 * the header would then find the one a password change has just deleted.
 */
export async function requestHeadersWithCurrentCookies(): Promise<Headers> {
  const requestHeaders = new Headers(await headers());
  requestHeaders.set("cookie", (await cookies()).toString());
  return requestHeaders;
}

/** Reads the access token from the current request's session cookie, or null. */
export async function readSessionCookie(): Promise<string | null> {
  const requestHeaders = await requestHeadersWithCurrentCookies();
  return readSessionCookieToken(requestHeaders, { secure: isHttpsRequest(requestHeaders) });
}
