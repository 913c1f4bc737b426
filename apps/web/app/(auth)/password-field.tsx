"use client";
import { useEffect, useState, type ChangeEvent } from "react";
import { PasswordStrengthMeter } from "./password-strength-meter";

export interface PasswordFieldProps {
  autoComplete: "current-password" | "new-password";
  /** A hint shown under the field, such as the length rule. */
  hint?: string;
  error?: string | undefined;
  /** Shows a live strength verdict under the field, for choosing a new password. */
  showStrength?: boolean;
}

/** Renders the password input with a show/hide toggle, which appears only once scripts run because it needs them. */
export function PasswordField({ autoComplete, hint, error, showStrength = false }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [typed, setTyped] = useState({ password: "", email: "" });
  useEffect(() => setHydrated(true), []);

  const describedBy = [hint ? "password-hint" : null, showStrength ? "password-strength" : null, error ? "password-error" : null]
    .filter(Boolean)
    .join(" ");

  const trackInput = (event: ChangeEvent<HTMLInputElement>): void => {
    // The email address counts as a known word: a password built from it is easy to guess.
    const email = event.currentTarget.form?.elements.namedItem("email");
    setTyped({ password: event.currentTarget.value, email: email instanceof HTMLInputElement ? email.value : "" });
  };

  return (
    <div className="field">
      <label htmlFor="password">Password</label>
      <div className="password-row">
        <input
          id="password"
          name="password"
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
            aria-controls="password"
            aria-pressed={visible}
            onClick={() => setVisible((shown) => !shown)}
          >
            {visible ? "Hide" : "Show"}
            <span className="visually-hidden"> password</span>
          </button>
        )}
      </div>
      {hint && (
        <p id="password-hint" className="hint">
          {hint}
        </p>
      )}
      {showStrength && <PasswordStrengthMeter password={typed.password} userInputs={emailWords(typed.email)} />}
      {error && (
        <p id="password-error" className="field-error" data-testid="password-error">
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
