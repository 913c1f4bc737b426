"use client";
import { useActionState, useRef } from "react";
import { PasswordField } from "../../(auth)/password-field";
import { FormMessages, useFocusFirstInvalid } from "../form-messages";
import { changePassword, type ChangePasswordState } from "./actions";

const INITIAL_STATE: ChangePasswordState = { fieldErrors: {}, changed: null, signOutOtherSessions: true };

function successMessage(changed: NonNullable<ChangePasswordState["changed"]>): string {
  return changed.signedOutOtherSessions
    ? "Your password has been changed, and your other sessions have been signed out."
    : "Your password has been changed. Your other sessions stay signed in.";
}

export interface ChangePasswordFormProps {
  /** The account's address, given to password managers in a hidden username field. */
  email: string;
}

/**
 * Renders the password change form. It posts to a Server Action, so it works
 * without JavaScript. With JavaScript it shows a pending state and moves focus
 * to the first field with an error.
 */
export function ChangePasswordForm({ email }: ChangePasswordFormProps) {
  const [state, formAction, pending] = useActionState(changePassword, INITIAL_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const { currentPassword: currentError, newPassword: newError } = state.fieldErrors;
  const success = state.changed ? successMessage(state.changed) : "";

  useFocusFirstInvalid(formRef, state);

  return (
    <form ref={formRef} action={formAction} className="card-form" noValidate aria-busy={pending}>
      <p className="notice" role="status" data-testid="password-changed" hidden={!success}>
        {success}
      </p>
      <FormMessages email={email} formError={state.formError} fieldError={currentError ?? newError} />

      <PasswordField id="current-password" name="currentPassword" label="Current password" autoComplete="current-password" error={currentError} />
      <PasswordField
        id="new-password"
        name="newPassword"
        label="New password"
        autoComplete="new-password"
        hint="At least 8 characters. Long passphrases are welcome."
        error={newError}
      />

      <div className="checkbox-field">
        <input
          id="sign-out-other-sessions"
          name="signOutOtherSessions"
          type="checkbox"
          defaultChecked={state.signOutOtherSessions}
          key={String(state.signOutOtherSessions)}
        />
        <label htmlFor="sign-out-other-sessions">Sign out my other sessions</label>
      </div>

      <button type="submit" className="primary" disabled={pending}>
        {pending ? "Changing password…" : "Change password"}
      </button>
    </form>
  );
}
