import { AUTH_EVENT_TYPES } from "@gatehouse/auth";
import { describe, expect, it } from "vitest";
import { describeActivityEvent } from "./activity-labels";

describe("describeActivityEvent", () => {
  it.each([
    ["registered", "Account created"],
    ["login_succeeded", "Signed in"],
    ["logged_out", "Signed out"],
    ["password_changed", "Password changed"],
  ] as const)("names %s as %j", (type, label) => {
    expect(describeActivityEvent(type)).toBe(label);
  });

  it("labels every event type differently", () => {
    const labels = AUTH_EVENT_TYPES.map((type) => describeActivityEvent(type));

    for (const label of labels) expect(label).toMatch(/^[A-Z][a-z -]+$/);
    expect(new Set(labels).size).toBe(AUTH_EVENT_TYPES.length);
  });
});
