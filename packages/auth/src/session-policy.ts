/**
 * Session lifetimes. A session ends after `idleSeconds` without use (the
 * deadline slides forward as the token is used) and in any case
 * `absoluteSeconds` after sign-in, so a stolen token cannot be kept alive
 * forever by using it. Sliding the deadline costs a database write, so it
 * moves only when it would gain at least `renewalIntervalSeconds`: a token in
 * steady use causes at most one write per interval.
 */
import { AuthError } from "./errors.js";

export const DEFAULT_SESSION_IDLE_SECONDS = 24 * 60 * 60;
export const DEFAULT_SESSION_ABSOLUTE_SECONDS = 30 * 24 * 60 * 60;
/**
 * A shorter timeout only ends sessions sooner, which is never less safe, and
 * timeouts of a few seconds serve tests and demonstrations of expiry. Zero or
 * less would issue tokens that are already expired.
 */
export const MIN_SESSION_SECONDS = 1;
/** 366 days, so a configured year always fits. */
export const MAX_SESSION_SECONDS = 366 * 24 * 60 * 60;
/** Renewal writes at most once per 5 minutes per token, or per quarter of a shorter idle timeout. */
export const MAX_RENEWAL_INTERVAL_SECONDS = 5 * 60;

export interface SessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
  renewalIntervalSeconds: number;
}

export interface SessionPolicyOptions {
  idleSeconds?: number | undefined;
  absoluteSeconds?: number | undefined;
}

/** Checks the timeouts and derives the renewal interval; throws INVALID_CONFIG naming the bad value. */
export function resolveSessionPolicy(options: SessionPolicyOptions = {}): SessionPolicy {
  const idleSeconds = options.idleSeconds ?? DEFAULT_SESSION_IDLE_SECONDS;
  const absoluteSeconds = options.absoluteSeconds ?? Math.max(DEFAULT_SESSION_ABSOLUTE_SECONDS, idleSeconds);
  assertSessionSeconds("Session idle timeout", idleSeconds);
  assertSessionSeconds("Session absolute timeout", absoluteSeconds);
  if (absoluteSeconds < idleSeconds) {
    throw new AuthError(
      "INVALID_CONFIG",
      `Session absolute timeout (${absoluteSeconds} s) must not be shorter than the idle timeout (${idleSeconds} s).`,
    );
  }

  const renewalIntervalSeconds = Math.max(1, Math.min(MAX_RENEWAL_INTERVAL_SECONDS, Math.floor(idleSeconds / 4)));
  return { idleSeconds, absoluteSeconds, renewalIntervalSeconds };
}

/** Returns the idle deadline for a session used at `now`, capped by its absolute deadline. */
export function nextIdleExpiry(policy: SessionPolicy, now: Date, absoluteExpiresAt: Date): Date {
  const idle = now.getTime() + policy.idleSeconds * 1000;
  return new Date(Math.min(idle, absoluteExpiresAt.getTime()));
}

/** Returns true when moving the deadline from `current` to `next` gains at least the renewal interval. */
export function isRenewalDue(policy: SessionPolicy, current: Date, next: Date): boolean {
  return next.getTime() - current.getTime() >= policy.renewalIntervalSeconds * 1000;
}

function assertSessionSeconds(name: string, value: number): void {
  if (!Number.isInteger(value) || value < MIN_SESSION_SECONDS || value > MAX_SESSION_SECONDS) {
    throw new AuthError(
      "INVALID_CONFIG",
      `${name} must be a whole number of seconds from ${MIN_SESSION_SECONDS} to ${MAX_SESSION_SECONDS}, got ${String(value)}.`,
    );
  }
}
