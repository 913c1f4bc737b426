/**
 * tRPC callers for server components and Server Actions. They build the same
 * context as the HTTP endpoint from the incoming request's headers (with the
 * cookies as this request has set them), so the session cookie, the origin
 * check and the error mapping apply unchanged.
 */
import "server-only";
import { createCaller, createContext } from "@gatehouse/api";
import { getServer } from "./server";
import { extendSessionCookieOnRenewal, requestHeadersWithCurrentCookies } from "./session-cookie";

export type ServerCaller = ReturnType<typeof createCaller>;

// NOTE: no client address reaches the context, so sessions and events made
// through the web app store none and the pages show "Not recorded". Next.js 16
// exposes the address only in X-Forwarded-For, which a client can forge unless
// a trusted proxy overwrites it.

/** Creates a caller for server components, which cannot set cookies. */
export async function createServerCaller(): Promise<ServerCaller> {
  const server = await getServer();
  const requestHeaders = await requestHeadersWithCurrentCookies();
  return createCaller(createContext({ auth: server.auth, logger: server.logger, headers: requestHeaders }));
}

/** Creates a caller for Server Actions, which extends the cookie when a protected call renews the session. */
export async function createActionCaller(): Promise<ServerCaller> {
  const server = await getServer();
  const requestHeaders = await requestHeadersWithCurrentCookies();
  return createCaller(
    createContext({
      auth: server.auth,
      logger: server.logger,
      headers: requestHeaders,
      onSessionValidated: extendSessionCookieOnRenewal,
    }),
  );
}
