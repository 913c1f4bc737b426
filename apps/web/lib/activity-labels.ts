import type { ActivityEventOutput } from "@gatehouse/api";

type ActivityEventType = ActivityEventOutput["type"];

// A Record over the whole union makes the type check fail when the API adds an event type without a label.
const ACTIVITY_LABELS: Record<ActivityEventType, string> = {
  registered: "Account created",
  login_succeeded: "Signed in",
  login_failed: "Failed sign-in attempt",
  logged_out: "Signed out",
  password_changed: "Password changed",
  session_revoked: "Session signed out",
  throttled: "Too many sign-in attempts",
  account_deleted: "Account deleted",
};

/** Returns the name the activity page shows for an event type, such as "Signed in" for `login_succeeded`. */
export function describeActivityEvent(type: ActivityEventType): string {
  return ACTIVITY_LABELS[type];
}
