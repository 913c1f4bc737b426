"use client";
import { useActionState, useEffect, useRef } from "react";
import { PasswordField } from "../../(auth)/password-field";
import { changePassword, type ChangePasswordState } from "./actions";

const INITIAL_STATE: ChangePasswordState = { fieldErrors: {}, changed: null, signOutOtherSessions: true };

function successMessage(changed: NonNullable<ChangePasswordState["changed"]>): string {
  return changed.signedOutOtherSessions
    ? "Your password has been changed, and your other sessions have been signed out."
    : "Your password has been changed. Your other sessions stay signed in.";
}

/**
 * Renders the password change form. It posts to a Server Action, so it works
 * without JavaScript. With JavaScript it shows a pending state and moves focus
 * to the first field with an error.
 */
export interface ChangePasswordFormProps {
  /** The account's address, given to password managers in a hidden username field. */
  email: string;
}

export function ChangePasswordForm({ email }: ChangePasswordFormProps) {
  const [state, formAction, pending] = useActionState(changePassword, INITIAL_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const { currentPassword: currentError, newPassword: newError } = state.fieldErrors;
  const success = state.changed ? successMessage(state.changed) : "";

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>("[aria-invalid='true']")?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} className="card-form" noValidate aria-busy={pending}>
      <p className="notice" role="status" data-testid="password-changed" hidden={!success}>
        {success}
      </p>
      {/* Password managers read this field to find the saved account the password belongs to. It has no name, so the form does not send it. */}
      <input type="email" autoComplete="username" defaultValue={email} hidden readOnly />
      <p className="form-error" data-testid="form-error" aria-live="assertive" aria-atomic="true">
        {state.formError ?? ""}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="form-announcement">
        {state.formError ? "" : (currentError ?? newError ?? "")}
      </p>

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
