"use server";
/**
 * The password change Server Action. The API deletes the token that made the
 * request and returns a new one. The new token replaces the old one in the
 * cookie in the same response, so this browser stays signed in.
 */
import type { FormErrors } from "@/lib/form-errors";
import { createActionCaller } from "@/lib/server-caller";
import { setSessionCookie } from "@/lib/session-cookie";
import { handleAccountActionError } from "../account-action-error";

export type ChangePasswordField = "currentPassword" | "newPassword";

const FIELDS: readonly ChangePasswordField[] = ["currentPassword", "newPassword"];

export interface ChangePasswordState extends FormErrors<ChangePasswordField> {
  /** The outcome of the last successful change, shown above the form, or null before one. */
  changed: { signedOutOtherSessions: boolean } | null;
  /** The checkbox's last submitted value, so an error keeps the person's choice. */
  signOutOtherSessions: boolean;
}

function readString(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Changes the password after checking the current one and stores the new token in the cookie. */
export async function changePassword(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const currentPassword = readString(formData, "currentPassword");
  const newPassword = readString(formData, "newPassword");
  // An unchecked checkbox sends nothing, so absence means "keep the other sessions".
  const signOutOtherSessions = formData.get("signOutOtherSessions") === "on";

  const fieldErrors: ChangePasswordState["fieldErrors"] = {};
  if (!currentPassword) fieldErrors.currentPassword = "Enter your current password.";
  if (!newPassword) fieldErrors.newPassword = "Enter a new password.";
  if (fieldErrors.currentPassword || fieldErrors.newPassword) return { fieldErrors, changed: null, signOutOtherSessions };

  try {
    const caller = await createActionCaller();
    const token = await caller.auth.changePassword({ currentPassword, newPassword, signOutOtherSessions });
    await setSessionCookie(token.accessToken, new Date(token.expiresAt));
  } catch (error) {
    return { ...(await handleAccountActionError(error, "/account/password", FIELDS)), changed: null, signOutOtherSessions };
  }

  return { fieldErrors: {}, changed: { signedOutOtherSessions: signOutOtherSessions }, signOutOtherSessions };
}
