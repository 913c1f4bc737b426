"use server";
/**
 * A page render may renew the session in the database, but Next.js lets only
 * Server Actions and route handlers set cookies. A page that renewed the
 * session calls this action, so the cookie's expiry follows the new deadline.
 */
// NOTE: only the /account pages call it. When /login or /register redirects a
// signed-in visitor, their check may renew the session without this refresh.
// The cookie then expires earlier than the session until the next renewal
// through an account page, a tRPC call or a Server Action.
import { getServer } from "@/lib/server";
import { readSessionCookie, setSessionCookie } from "@/lib/session-cookie";

/** Sets the cookie's expiry to the idle deadline the database stores for its token. A dead token is left to the next page's check. */
export async function refreshSessionCookie(): Promise<void> {
  const token = await readSessionCookie();
  if (!token) return;

  const session = await (await getServer()).auth.validate(token);
  if (session) await setSessionCookie(token, session.expiresAt);
}
