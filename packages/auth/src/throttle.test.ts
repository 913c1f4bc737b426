import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthService } from "./auth-service.js";
import { isAuthError, type AuthError } from "./errors.js";
import { createTestDatabase, queryRows, testDrivers, type TestDatabase } from "./testing/index.js";
import {
  createLoginThrottle,
  DEFAULT_ACCOUNT_THROTTLE,
  deleteStaleLoginThrottles,
  hashThrottleKey,
  type LoginThrottle,
  type ThrottlePolicy,
} from "./throttle.js";

const PASSWORD = "correct horse battery staple";

/** Creates a clock that the test moves forward by hand. */
function manualClock(start = new Date("2026-01-01T00:00:00Z")): { now: () => Date; advance(seconds: number): void } {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    advance: (seconds) => {
      time += seconds * 1000;
    },
  };
}

async function throttledError(promise: Promise<unknown>): Promise<AuthError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (isAuthError(error) && error.code === "TOO_MANY_ATTEMPTS") return error;
    throw error;
  }
}

describe.each(testDrivers())("login throttle on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("allows 5 attempts, then doubles the delay to the cap", async () => {
    const clock = manualClock();
    const throttle = createLoginThrottle({ db: database.db, now: clock.now });
    const keys = { email: "backoff@example.com" };

    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await throttledError(throttle.consume(keys)), `attempt ${attempt}`).toBeNull();
    }

    const expectedDelays = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900];
    for (const delay of expectedDelays) {
      const error = await throttledError(throttle.consume(keys));
      expect(error?.retryAfterSeconds).toBe(delay);
      expect(error?.message).toContain(`Wait ${delay} second`);
      clock.advance(delay - 0.5);
      expect((await throttledError(throttle.consume(keys)))?.retryAfterSeconds).toBe(1);
      clock.advance(0.5);
      expect(await throttledError(throttle.consume(keys))).toBeNull();
    }
  });

  it("counts nothing while blocked", async () => {
    const clock = manualClock();
    const throttle = createLoginThrottle({ db: database.db, now: clock.now });
    const keys = { email: "patient@example.com" };
    for (let attempt = 1; attempt <= 5; attempt++) await throttle.consume(keys);

    for (let retry = 0; retry < 10; retry++) {
      expect((await throttledError(throttle.consume(keys)))?.retryAfterSeconds).toBe(1);
    }
    clock.advance(1);
    expect(await throttledError(throttle.consume(keys))).toBeNull();
    expect((await throttledError(throttle.consume(keys)))?.retryAfterSeconds).toBe(2);
  });

  it("resets the account counter after a success", async () => {
    const clock = manualClock();
    const throttle = createLoginThrottle({ db: database.db, now: clock.now });
    const keys = { email: "reset@example.com" };
    for (let attempt = 1; attempt <= 5; attempt++) await throttle.consume(keys);
    await throttle.recordSuccess(keys);

    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await throttledError(throttle.consume(keys)), `attempt ${attempt}`).toBeNull();
    }
    expect(await throttledError(throttle.consume(keys))).not.toBeNull();
  });

  it("forgets a counter after the reset period", async () => {
    const clock = manualClock();
    const throttle = createLoginThrottle({ db: database.db, now: clock.now });
    const keys = { email: "stale@example.com" };
    for (let attempt = 1; attempt <= 4; attempt++) await throttle.consume(keys);
    clock.advance(DEFAULT_ACCOUNT_THROTTLE.resetAfterSeconds + 1);

    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await throttledError(throttle.consume(keys)), `attempt ${attempt}`).toBeNull();
    }
  });

  it("admits exactly the free attempts from 20 concurrent calls", async () => {
    const throttle = createLoginThrottle({ db: database.db });
    const keys = { email: "burst@example.com", ipAddress: "198.51.100.20" };
    const results = await Promise.all(Array.from({ length: 20 }, () => throttledError(throttle.consume(keys))));
    expect(results.filter((result) => result === null)).toHaveLength(DEFAULT_ACCOUNT_THROTTLE.freeAttempts);
    expect(results.filter((result) => result !== null)).toHaveLength(20 - DEFAULT_ACCOUNT_THROTTLE.freeAttempts);

    const [row] = await queryRows<{ attempts: number }>(
      database.db,
      sql`select attempts from login_throttles where scope = 'account' and key_hash = ${hashThrottleKey(keys.email)}`,
    );
    expect(row?.attempts).toBe(DEFAULT_ACCOUNT_THROTTLE.freeAttempts);
  });

  it("throttles one IP address across many accounts", async () => {
    const clock = manualClock();
    const ipPolicy: ThrottlePolicy = { freeAttempts: 8, baseDelaySeconds: 1, maxDelaySeconds: 60, resetAfterSeconds: 3600 };
    const throttle = createLoginThrottle({ db: database.db, ip: ipPolicy, now: clock.now });

    for (let attempt = 1; attempt <= 8; attempt++) {
      expect(await throttledError(throttle.consume({ email: `spray${attempt}@example.com`, ipAddress: "203.0.113.5" }))).toBeNull();
    }
    const blocked = await throttledError(throttle.consume({ email: "spray9@example.com", ipAddress: "203.0.113.5" }));
    expect(blocked?.retryAfterSeconds).toBe(1);
    expect(await throttledError(throttle.consume({ email: "spray9@example.com", ipAddress: "203.0.113.6" }))).toBeNull();
    expect(await throttledError(throttle.consume({ email: "spray9@example.com" }))).toBeNull();
  });

  it("refunds the IP attempt of a success", async () => {
    const ipPolicy: ThrottlePolicy = { freeAttempts: 3, baseDelaySeconds: 1, maxDelaySeconds: 60, resetAfterSeconds: 3600 };
    const throttle: LoginThrottle = createLoginThrottle({ db: database.db, ip: ipPolicy });
    for (let person = 1; person <= 10; person++) {
      const keys = { email: `office${person}@example.com`, ipAddress: "192.0.2.44" };
      expect(await throttledError(throttle.consume(keys)), `person ${person}`).toBeNull();
      await throttle.recordSuccess(keys);
    }
  });

  it("stores hashes instead of emails and addresses", async () => {
    const throttle = createLoginThrottle({ db: database.db });
    await throttle.consume({ email: "private@example.com", ipAddress: "192.0.2.99" });
    const rows = await queryRows<{ key_hash: string }>(database.db, sql`select key_hash from login_throttles`);
    const text = JSON.stringify(rows);
    expect(text).not.toContain("private@example.com");
    expect(text).not.toContain("192.0.2.99");
    expect(text).toContain(hashThrottleKey("private@example.com"));
  });

  it("deletes stale counters but keeps active blocks", async () => {
    const clock = manualClock(new Date("2030-01-01T00:00:00Z"));
    const throttle = createLoginThrottle({ db: database.db, now: clock.now });
    await throttle.consume({ email: "old@example.com" });
    for (let attempt = 1; attempt <= 5; attempt++) await throttle.consume({ email: "blocked@example.com" });

    const deleted = await deleteStaleLoginThrottles(database.db, new Date(clock.now().getTime() + 500));
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = await queryRows<{ key_hash: string }>(database.db, sql`select key_hash from login_throttles`);
    const hashes = left.map((row) => row.key_hash);
    expect(hashes).not.toContain(hashThrottleKey("old@example.com"));
    expect(hashes).toContain(hashThrottleKey("blocked@example.com"));
  });
});

describe.each(testDrivers())("login throttling in the auth service on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("lets the owner in once the backoff passes", async () => {
    const clock = manualClock(new Date());
    const auth = createAuthService({
      db: database.db,
      bcryptCost: 4,
      throttle: createLoginThrottle({ db: database.db, now: clock.now }),
    });
    await auth.register({ email: "owner@example.com", password: PASSWORD });

    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(auth.login({ email: "owner@example.com", password: "wrong guess 123" })).rejects.toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
    }
    await expect(auth.login({ email: "owner@example.com", password: PASSWORD })).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      retryAfterSeconds: 1,
    });

    clock.advance(1);
    const token = await auth.login({ email: "OWNER@example.com", password: PASSWORD });
    expect(token.accessToken).toHaveLength(43);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(auth.login({ email: "owner@example.com", password: "wrong guess 123" })).rejects.toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
    }
  });

  it("throttles unknown addresses like known ones", async () => {
    const clock = manualClock(new Date());
    const auth = createAuthService({
      db: database.db,
      bcryptCost: 4,
      throttle: createLoginThrottle({ db: database.db, now: clock.now }),
    });
    await auth.register({ email: "known@example.com", password: PASSWORD });

    const codesFor = async (email: string): Promise<string[]> => {
      const codes: string[] = [];
      for (let attempt = 1; attempt <= 7; attempt++) {
        const error = await auth.login({ email, password: "wrong guess 123" }).catch((caught: unknown) => caught);
        codes.push(isAuthError(error) ? `${error.code}:${error.retryAfterSeconds ?? ""}` : "no error");
      }
      return codes;
    };
    const known = await codesFor("known@example.com");
    expect(await codesFor("unknown@example.com")).toEqual(known);
    expect(known.slice(5)).toEqual(["TOO_MANY_ATTEMPTS:1", "TOO_MANY_ATTEMPTS:1"]);
  });
});
