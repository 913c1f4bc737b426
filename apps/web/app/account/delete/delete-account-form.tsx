"use client";
import { useActionState, useEffect, useRef } from "react";
import { PasswordField } from "../../(auth)/password-field";
import { deleteAccount, type DeleteAccountState } from "./actions";

const INITIAL_STATE: DeleteAccountState = { fieldErrors: {} };

/** Renders the account deletion form, which the password confirms. It works without JavaScript, and with it shows a pending state. */
export interface DeleteAccountFormProps {
  /** The account's address, given to password managers in a hidden username field. */
  email: string;
}

export function DeleteAccountForm({ email }: DeleteAccountFormProps) {
  const [state, formAction, pending] = useActionState(deleteAccount, INITIAL_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const passwordError = state.fieldErrors.password;

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>("[aria-invalid='true']")?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} className="card-form" noValidate aria-busy={pending}>
      {/* Password managers read this field to find the saved account the password belongs to. It has no name, so the form does not send it. */}
      <input type="email" autoComplete="username" defaultValue={email} hidden readOnly />
      <p className="form-error" data-testid="form-error" aria-live="assertive" aria-atomic="true">
        {state.formError ?? ""}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="form-announcement">
        {state.formError ? "" : (passwordError ?? "")}
      </p>

      <PasswordField autoComplete="current-password" hint="Enter your password to confirm." error={passwordError} />

      <button type="submit" className="danger" disabled={pending}>
        {pending ? "Deleting account…" : "Delete my account"}
      </button>
    </form>
  );
}
