"use client";
import { useEffect, useState } from "react";

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
}

/** Renders a password input with a show/hide toggle, which appears only once scripts run because it needs them. */
export function PasswordField({ autoComplete, id = "password", name = id, label = "Password", hint, error }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");

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
      {error && (
        <p id={errorId} className="field-error" data-testid={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
