"use client";
import { useEffect, useState } from "react";

export interface PasswordFieldProps {
  autoComplete: "current-password" | "new-password";
  /** A hint shown under the field, such as the length rule. */
  hint?: string;
  error?: string | undefined;
}

/** Renders the password input with a show/hide toggle, which appears only once scripts run because it needs them. */
export function PasswordField({ autoComplete, hint, error }: PasswordFieldProps) {
  const [visible, setVisible] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const describedBy = [hint ? "password-hint" : null, error ? "password-error" : null].filter(Boolean).join(" ");

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
      {error && (
        <p id="password-error" className="field-error" data-testid="password-error">
          {error}
        </p>
      )}
    </div>
  );
}
