"use client";
import { useActionState } from "react";
import type { SessionActionState } from "./actions";

export interface SessionActionButtonProps {
  action: (previous: SessionActionState, formData: FormData) => Promise<SessionActionState>;
  /** The session to end, sent as the form field `id`, or none for actions that take no id. */
  sessionId?: string;
  label: string;
  pendingLabel: string;
  /** Read by screen readers after the label, such as the device the session belongs to. */
  description?: string;
  className?: string;
}

/** Renders a one-button form that posts to a sessions Server Action, with a pending state and an announced error. */
export function SessionActionButton({ action, sessionId, label, pendingLabel, description, className = "secondary" }: SessionActionButtonProps) {
  const [state, formAction, pending] = useActionState(action, {});

  return (
    <form action={formAction} className="session-action" aria-busy={pending}>
      {sessionId && <input type="hidden" name="id" value={sessionId} />}
      <button type="submit" className={className} disabled={pending}>
        {pending ? pendingLabel : label}
        {description && <span className="visually-hidden"> {description}</span>}
      </button>
      <p className="field-error" role="alert">
        {state.formError ?? ""}
      </p>
    </form>
  );
}
