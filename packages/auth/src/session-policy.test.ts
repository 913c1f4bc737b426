import { describe, expect, it } from "vitest";
import { isRenewalDue, nextIdleExpiry, resolveSessionPolicy } from "./session-policy.js";

describe("resolveSessionPolicy", () => {
  it("defaults to 24 hours idle and 30 days absolute", () => {
    expect(resolveSessionPolicy()).toEqual({ idleSeconds: 86_400, absoluteSeconds: 2_592_000, renewalIntervalSeconds: 300 });
  });

  it("renews at most every quarter of a short idle timeout", () => {
    expect(resolveSessionPolicy({ idleSeconds: 600 }).renewalIntervalSeconds).toBe(150);
  });

  it("raises the default absolute timeout to a longer idle one", () => {
    expect(resolveSessionPolicy({ idleSeconds: 40 * 86_400 }).absoluteSeconds).toBe(40 * 86_400);
  });

  it("rejects values out of range", () => {
    expect(() => resolveSessionPolicy({ idleSeconds: 0 })).toThrow(/idle timeout must be a whole number of seconds from 1/);
    expect(() => resolveSessionPolicy({ idleSeconds: 1.5 })).toThrow(/whole number/);
    expect(() => resolveSessionPolicy({ absoluteSeconds: 400 * 86_400 })).toThrow(/absolute timeout must be/);
    expect(() => resolveSessionPolicy({ idleSeconds: 7200, absoluteSeconds: 3600 })).toThrow(/not be shorter/);
  });
});

describe("nextIdleExpiry", () => {
  const policy = resolveSessionPolicy({ idleSeconds: 3600, absoluteSeconds: 7200 });

  it("slides by the idle timeout", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    expect(nextIdleExpiry(policy, now, new Date("2026-01-02T00:00:00Z")).toISOString()).toBe("2026-01-01T01:00:00.000Z");
  });

  it("stops at the absolute deadline", () => {
    const now = new Date("2026-01-01T00:30:00Z");
    const absolute = new Date("2026-01-01T01:00:00Z");
    expect(nextIdleExpiry(policy, now, absolute).getTime()).toBe(absolute.getTime());
  });
});

describe("isRenewalDue", () => {
  const policy = resolveSessionPolicy({ idleSeconds: 3600 });
  const current = new Date("2026-01-01T01:00:00Z");

  it("is due when the deadline moves 5 minutes", () => {
    expect(isRenewalDue(policy, current, new Date("2026-01-01T01:05:00Z"))).toBe(true);
  });

  it("is not due for a smaller move", () => {
    expect(isRenewalDue(policy, current, new Date("2026-01-01T01:04:59Z"))).toBe(false);
    expect(isRenewalDue(policy, current, current)).toBe(false);
  });
});
