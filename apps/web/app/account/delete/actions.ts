"use server";
/**
 * The account deletion Server Action. The API checks the password and deletes
 * the user with every session. The cookie is cleared in the same response, and
 * the person lands on the sign-in page with a notice.
 */
import { redirect } from "next/navigation";
import type { FormErrors } from "@/lib/form-errors";
import { createActionCaller } from "@/lib/server-caller";
import { clearSessionCookie } from "@/lib/session-cookie";
import { handleAccountActionError } from "../account-action-error";

export type DeleteAccountState = FormErrors<"password">;

/** Deletes the account after checking the password, then signs out and opens `/login?reason=account-deleted`. */
export async function deleteAccount(_previous: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const password = formData.get("password");
  if (typeof password !== "string" || password === "") {
    return { fieldErrors: { password: "Enter your password to confirm." } };
  }

  try {
    const caller = await createActionCaller();
    await caller.auth.deleteAccount({ password });
  } catch (error) {
    return handleAccountActionError(error, "/account/delete", ["password"]);
  }

  await clearSessionCookie();
  redirect("/login?reason=account-deleted");
}
