/**
 * Resolves the signed-in person from the session cookie on the server, before
 * anything renders, so a signed-out visitor never receives a protected page.
 */
import "server-only";
import type { ValidatedAccessToken } from "@gatehouse/auth";
import { readSessionCookie } from "./session-cookie";
import { getServer } from "./server";

export type CurrentSession =
  | { status: "signed-in"; session: ValidatedAccessToken }
  | { status: "signed-out" }
  /** The request carried a token cookie, but the token is unknown or expired. */
  | { status: "expired" };

export async function getCurrentSession(): Promise<CurrentSession> {
  const token = await readSessionCookie();
  if (!token) return { status: "signed-out" };

  const server = await getServer();
  const session = await server.auth.validate(token);
  return session ? { status: "signed-in", session } : { status: "expired" };
}
