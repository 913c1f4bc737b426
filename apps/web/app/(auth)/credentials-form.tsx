"use client";
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { register, signIn, type CredentialsFormState } from "./actions";
import { PasswordField } from "./password-field";

export interface CredentialsFormProps {
  mode: "sign-in" | "register";
  /** The page to open afterwards; the action validates it again. */
  next: string;
}

const INITIAL_STATE: CredentialsFormState = { email: "", fieldErrors: {} };

const COPY = {
  "sign-in": { submit: "Sign in", pending: "Signing in…", passwordAutoComplete: "current-password" },
  register: { submit: "Create account", pending: "Creating account…", passwordAutoComplete: "new-password" },
} as const;

/**
 * Renders the sign-in or registration form. It posts to a Server Action, so it
 * works as a plain HTML form before or without JavaScript. With JavaScript it
 * shows a pending state and moves focus to the first field with an error.
 */
export function CredentialsForm({ mode, next }: CredentialsFormProps) {
  const [state, formAction, pending] = useActionState(mode === "sign-in" ? signIn : register, INITIAL_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const copy = COPY[mode];
  const emailError = state.fieldErrors.email;
  const passwordError = state.fieldErrors.password;
  const announcement = state.formError ?? emailError ?? passwordError ?? "";

  useEffect(() => {
    const firstInvalid = formRef.current?.querySelector<HTMLInputElement>("[aria-invalid='true']");
    firstInvalid?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} className="card-form" noValidate aria-busy={pending}>
      <input type="hidden" name="next" value={next} />

      <p className="form-error" data-testid="form-error" aria-live="assertive" aria-atomic="true">
        {state.formError ?? ""}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="form-announcement">
        {state.formError ? "" : announcement}
      </p>

      <div className="field">
        <label htmlFor="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          defaultValue={state.email}
          key={state.email}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? "email-error" : undefined}
        />
        {emailError && (
          <p id="email-error" className="field-error" data-testid="email-error">
            {emailError}
          </p>
        )}
      </div>

      <PasswordField
        autoComplete={copy.passwordAutoComplete}
        hint={mode === "register" ? "At least 8 characters. Long passphrases are welcome." : undefined}
        error={passwordError}
        showStrength={mode === "register"}
      />

      <button type="submit" className="primary" disabled={pending}>
        {pending ? copy.pending : copy.submit}
      </button>

      <p className="switch">
        {mode === "sign-in" ? (
          <>
            New here? <Link href={`/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
          </>
        ) : (
          <>
            Already registered? <Link href={`/login?next=${encodeURIComponent(next)}`}>Sign in</Link>
          </>
        )}
      </p>
    </form>
  );
}
