"use client";
import { useEffect, useState, type ChangeEvent } from "react";
import { PasswordStrengthMeter } from "./password-strength-meter";

export interface PasswordFieldProps {
  autoComplete: "current-password" | "new-password";
  /** The input's id, which also prefixes the hint and error ids; defaults to "password". */
  id?: string;
  /** The form field name; defaults to `id`. */
  name?: string;
  /** The visible label; defaults to "Password". */
  label?: string;
  /** A hint shown under the field, such as the length rule. */
  hint?: string | undefined;
  error?: string | undefined;
  /** Shows a live strength verdict under the field, for choosing a new password. */
  showStrength?: boolean;
}

/** Renders a password input with a show/hide toggle, which appears only once scripts run because it needs them. */
export function PasswordField({
  autoComplete,
  id = "password",
  name = id,
  label = "Password",
  hint,
  error,
  showStrength = false,
}: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [typed, setTyped] = useState({ password: "", email: "" });
  useEffect(() => setHydrated(true), []);

  const hintId = `${id}-hint`;
  const strengthId = `${id}-strength`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, showStrength ? strengthId : null, error ? errorId : null].filter(Boolean).join(" ");

  const trackInput = (event: ChangeEvent<HTMLInputElement>): void => {
    // The email address counts as a known word: a password built from it is easy to guess.
    const email = event.currentTarget.form?.elements.namedItem("email");
    setTyped({ password: event.currentTarget.value, email: email instanceof HTMLInputElement ? email.value : "" });
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="password-row">
        <input
          id={id}
          name={name}
          type={visible ? "text" : "password"}
          autoComplete={autoComplete}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={showStrength ? trackInput : undefined}
        />
        {hydrated && (
          <button
            type="button"
            className="toggle"
            aria-controls={id}
            aria-pressed={visible}
            onClick={() => setVisible((shown) => !shown)}
          >
            {visible ? "Hide" : "Show"}
            <span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        )}
      </div>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {showStrength && <PasswordStrengthMeter password={typed.password} userInputs={emailWords(typed.email)} />}
      {error && (
        <p id={errorId} className="field-error" data-testid={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Returns the address and its local part, the words registration also rejects passwords for. */
function emailWords(email: string): string[] {
  const address = email.trim().toLowerCase();
  if (!address) return [];
  return [address, address.split("@")[0] ?? ""];
}
