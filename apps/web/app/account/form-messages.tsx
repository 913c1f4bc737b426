"use client";
import { useEffect, type RefObject } from "react";

export interface FormMessagesProps {
  /** The account's address, given to password managers in a hidden username field. */
  email: string;
  formError?: string | undefined;
  /** The first field error, announced politely when there is no form error. */
  fieldError?: string | undefined;
}

/**
 * Renders what every account form carries above its fields: the hidden
 * username for password managers, the form error and a live announcement.
 */
export function FormMessages({ email, formError, fieldError }: FormMessagesProps) {
  return (
    <>
      {/* Password managers read this field to find the saved account the password belongs to. It has no name, so the form does not send it. */}
      <input type="email" autoComplete="username" defaultValue={email} hidden readOnly />
      <p className="form-error" data-testid="form-error" aria-live="assertive" aria-atomic="true">
        {formError ?? ""}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="form-announcement">
        {formError ? "" : (fieldError ?? "")}
      </p>
    </>
  );
}

/** Moves focus to the form's first field marked aria-invalid each time `state` changes. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLFormElement | null>, state: unknown): void {
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>("[aria-invalid='true']")?.focus();
  }, [formRef, state]);
}
