"use server";
/**
 * Server Actions behind the sign-in, registration and sign-out forms. They call
 * the tRPC procedures through a server-side caller and set or clear the session
 * cookie in the same response. So the token never passes through page scripts,
 * and the forms work as plain HTML POSTs when JavaScript is off. Next.js rejects
 * a Server Action request whose Origin header names another host (documented
 * under `serverActions.allowedOrigins`). Browsers send Origin on cross-site
 * POSTs, so this stops login CSRF.
 */
import { redirect } from "next/navigation";
import { CREDENTIALS_FIELDS, toFormErrors, type FormErrors } from "@/lib/form-errors";
import { safeNextPath } from "@/lib/safe-next-path";
import { createServerCaller } from "@/lib/server-caller";
import { getServer } from "@/lib/server";
import { clearSessionCookie, setSessionCookie } from "@/lib/session-cookie";

export interface CredentialsFormState extends FormErrors {
  /** The address last submitted, so the form keeps it after an error. */
  email: string;
}

function readCredentials(formData: FormData): { email: string; password: string } {
  const email = formData.get("email");
  const password = formData.get("password");
  return { email: typeof email === "string" ? email : "", password: typeof password === "string" ? password : "" };
}

/**
 * Runs `issueToken` with the submitted credentials, stores the token in the
 * session cookie and redirects to the validated `next` page, or returns the
 * form state that shows what went wrong.
 */
async function completeCredentialsForm(
  formData: FormData,
  issueToken: (credentials: { email: string; password: string }) => Promise<{ accessToken: string; expiresAt: string }>,
): Promise<CredentialsFormState> {
  const credentials = readCredentials(formData);
  const next = safeNextPath(formData.get("next"));

  try {
    const token = await issueToken(credentials);
    await setSessionCookie(token.accessToken, new Date(token.expiresAt));
  } catch (error) {
    return { email: credentials.email, ...toFormErrors(error, (await getServer()).logger, CREDENTIALS_FIELDS) };
  }

  redirect(next);
}

/** Signs in with email and password, then sends the person to the page they requested. */
export async function signIn(_previous: CredentialsFormState, formData: FormData): Promise<CredentialsFormState> {
  return completeCredentialsForm(formData, async (credentials) => (await createServerCaller()).auth.login(credentials));
}

/** Creates an account, signs it in and opens the page requested, by default the account page. */
export async function register(_previous: CredentialsFormState, formData: FormData): Promise<CredentialsFormState> {
  return completeCredentialsForm(formData, async (credentials) => (await createServerCaller()).auth.register(credentials));
}

/** Deletes the token on the server, clears the cookie and opens the sign-in page. */
export async function signOut(): Promise<void> {
  try {
    const caller = await createServerCaller();
    await caller.auth.logout();
  } catch (error) {
    // An unknown or expired token is already unusable; signing out still clears the cookie.
    const code = (error as { code?: unknown }).code;
    if (code !== "UNAUTHORIZED") {
      (await getServer()).logger.warn({ code: typeof code === "string" ? code : undefined }, "sign-out could not delete the token");
    }
  }

  await clearSessionCookie();
  redirect("/login?signed-out=1");
}
