"use server";
/**
 * Server Actions of the sessions page. Each ends sessions through the tRPC
 * caller and then reloads the page with a notice, so the buttons work as plain
 * HTML forms too. A session id that no longer exists counts as signed out.
 */
import { redirect } from "next/navigation";
import { createActionCaller } from "@/lib/server-caller";
import { clearSessionCookie } from "@/lib/session-cookie";
import { handleAccountActionError } from "../account-action-error";

const SESSIONS_PATH = "/account/sessions";

export interface SessionActionState {
  formError?: string;
}

/** Signs out the session named by the form's `id`. Ending the current one leads to the sign-in page. */
export async function revokeSession(_previous: SessionActionState, formData: FormData): Promise<SessionActionState> {
  const id = formData.get("id");
  let current = false;

  try {
    const caller = await createActionCaller();
    ({ current } = await caller.auth.sessions.revoke({ id: typeof id === "string" ? id : "" }));
  } catch (error) {
    if ((error as { code?: unknown }).code === "NOT_FOUND") redirect(`${SESSIONS_PATH}?signed-out=0`);
    return { formError: (await handleAccountActionError(error, SESSIONS_PATH, [])).formError };
  }

  if (current) {
    await clearSessionCookie();
    redirect("/login?signed-out=1");
  }
  redirect(`${SESSIONS_PATH}?signed-out=1`);
}

/** Signs out every session of the account except this one. */
export async function revokeOtherSessions(_previous: SessionActionState): Promise<SessionActionState> {
  let revoked: number;

  try {
    const caller = await createActionCaller();
    ({ revoked } = await caller.auth.sessions.revokeOthers());
  } catch (error) {
    return { formError: (await handleAccountActionError(error, SESSIONS_PATH, [])).formError };
  }

  redirect(`${SESSIONS_PATH}?signed-out=${revoked}`);
}
