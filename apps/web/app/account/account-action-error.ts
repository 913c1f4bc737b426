/**
 * The error path shared by the account Server Actions. A session that ended
 * while the page was open (revoked elsewhere, expired, or the password changed
 * in another browser) clears the cookie and leads to the sign-in page. Other
 * errors become messages next to the form field they concern.
 */
import "server-only";
import { redirect } from "next/navigation";
import { toFormErrors, type FormErrors } from "@/lib/form-errors";
import { getServer } from "@/lib/server";
import { clearSessionCookie } from "@/lib/session-cookie";

/** Returns the form errors for `error`, or redirects to `/login?next=<path>&reason=expired` when the session has ended. */
export async function handleAccountActionError<Field extends string>(
  error: unknown,
  path: string,
  fields: readonly Field[],
): Promise<FormErrors<Field>> {
  if ((error as { code?: unknown }).code === "UNAUTHORIZED") {
    await clearSessionCookie();
    redirect(`/login?next=${encodeURIComponent(path)}&reason=expired`);
  }
  return toFormErrors(error, (await getServer()).logger, fields);
}
