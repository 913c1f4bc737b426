/**
 * The gate of every protected page: it resolves the session from the cookie
 * on the server and redirects a signed-out visitor to the sign-in page before
 * anything renders, with `next` set so that signing in returns to the page.
 */
import "server-only";
import type { ValidatedAccessToken } from "@gatehouse/auth";
import { redirect } from "next/navigation";
import { getCurrentSession } from "./current-session";

/** Returns the signed-in session, or redirects to `/login?next=<path>` (with `reason=expired` for a dead token). */
export async function requireSession(path: string): Promise<ValidatedAccessToken> {
  const current = await getCurrentSession();
  const loginPath = `/login?next=${encodeURIComponent(path)}`;
  if (current.status === "expired") redirect(`${loginPath}&reason=expired`);
  if (current.status === "signed-out") redirect(loginPath);
  return current.session;
}
