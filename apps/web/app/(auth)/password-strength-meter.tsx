"use client";
import type { PasswordStrength } from "@gatehouse/auth/password-strength";
import { useEffect, useState } from "react";

export interface PasswordStrengthMeterProps {
  password: string;
  /** Words the password should not be built from, such as the email address. */
  userInputs: string[];
}

type StrengthCheck = (password: string, userInputs: string[]) => PasswordStrength;

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

/** Waits this long after the last keystroke, so screen readers hear one verdict rather than one per character. */
const DEBOUNCE_MS = 250;

// The zxcvbn dictionary is about 370 kB of JavaScript, so import() fetches it
// as a separate chunk on the first keystroke. Only the register page renders
// this component, so the sign-in page never downloads that chunk.
let loadedCheck: Promise<StrengthCheck> | undefined;

function loadStrengthCheck(): Promise<StrengthCheck> {
  loadedCheck ??= import("@gatehouse/auth/password-strength").then((module) => module.passwordStrength);
  return loadedCheck;
}

/**
 * Shows how guessable the password being typed is, with the same check that
 * registration runs on the server. The verdict is text in a polite live region
 * and the bar repeats it, so it does not depend on colour. If the check cannot
 * load, nothing is shown and the server still rejects common passwords.
 */
export function PasswordStrengthMeter({ password, userInputs }: PasswordStrengthMeterProps) {
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const inputsKey = userInputs.join("\n");

  useEffect(() => {
    if (password === "") {
      setStrength(null);
      return;
    }

    let current = true;
    const timer = setTimeout(() => {
      loadStrengthCheck()
        .then((check) => {
          if (current) setStrength(check(password, inputsKey.split("\n").filter(Boolean)));
        })
        .catch(() => {
          // Allow a later keystroke to retry, for example after a network blip.
          loadedCheck = undefined;
        });
    }, DEBOUNCE_MS);

    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, inputsKey]);

  const label = strength ? LABELS[strength.score] : "";
  const verdict = strength?.tooCommon ? `${label}: too common, so registration will reject it.` : `${label}.`;

  return (
    <div className="strength" data-testid="password-strength" data-score={strength?.score}>
      {strength && <meter className="strength-bar" min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-hidden="true" />}
      <p id="password-strength" className="hint" aria-live="polite" aria-atomic="true">
        {strength ? `Strength: ${verdict}${strength.hint ? ` ${strength.hint}` : ""}` : ""}
      </p>
    </div>
  );
}
