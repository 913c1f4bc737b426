"use client";
import { useActionState, useRef } from "react";
import { PasswordField } from "../../(auth)/password-field";
import { FormMessages, useFocusFirstInvalid } from "../form-messages";
import { deleteAccount, type DeleteAccountState } from "./actions";

const INITIAL_STATE: DeleteAccountState = { fieldErrors: {} };

export interface DeleteAccountFormProps {
  /** The account's address, given to password managers in a hidden username field. */
  email: string;
}

/** Renders the account deletion form, which the password confirms. It works without JavaScript, and with it shows a pending state. */
export function DeleteAccountForm({ email }: DeleteAccountFormProps) {
  const [state, formAction, pending] = useActionState(deleteAccount, INITIAL_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const passwordError = state.fieldErrors.password;

  useFocusFirstInvalid(formRef, state);

  return (
    <form ref={formRef} action={formAction} className="card-form" noValidate aria-busy={pending}>
      <FormMessages email={email} formError={state.formError} fieldError={passwordError} />

      <PasswordField autoComplete="current-password" hint="Enter your password to confirm." error={passwordError} />

      <button type="submit" className="danger" disabled={pending}>
        {pending ? "Deleting account…" : "Delete my account"}
      </button>
    </form>
  );
}
