// The package's test script runs this file alone, after the others, because
// other test files running beside it add enough noise to swamp the comparison.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthService, type AuthService } from "./auth-service.js";
import { isAuthError, type AuthError } from "./errors.js";
import { inlinePasswordHasher } from "./password.js";
import { createTestDatabase, testDrivers, type TestDatabase } from "./testing/index.js";
import { createLoginThrottle } from "./throttle.js";

/** bcrypt cost 8 takes milliseconds per verify in bcryptjs; cost 4 would drown in database noise. */
const BCRYPT_COST = 8;
const SAMPLES = 30;
/** The median paired difference may be this fraction of the wrong-password median, or the absolute margin, whichever is larger. */
const RELATIVE_MARGIN = 0.1;
const ABSOLUTE_MARGIN_MS = 3;
/** A throttle with a budget larger than the sample count, so every attempt reaches bcrypt. */
const GENEROUS = { freeAttempts: 10_000, baseDelaySeconds: 1, maxDelaySeconds: 1, resetAfterSeconds: 3600 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

describe.each(testDrivers())("login timing on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({
      db: database.db,
      bcryptCost: BCRYPT_COST,
      throttle: createLoginThrottle({ db: database.db, account: GENEROUS, ip: GENEROUS }),
    });
    await auth.register({ email: "timing@example.com", password: "correct horse battery staple" });
  });

  afterAll(async () => {
    await database?.close();
  });

  it("does the same bcrypt work for unknown email and wrong password", async () => {
    const verified: string[] = [];
    const counting = createAuthService({
      db: database.db,
      bcryptCost: BCRYPT_COST,
      hasher: {
        hash: (password, cost) => inlinePasswordHasher.hash(password, cost),
        verify: (password, hash) => {
          verified.push(hash.slice(0, 7));
          return inlinePasswordHasher.verify(password, hash);
        },
      },
      throttle: createLoginThrottle({ db: database.db, account: GENEROUS, ip: GENEROUS }),
    });
    for (const email of ["nobody@example.com", "timing@example.com", "not an address"]) {
      const error = await counting.login({ email, password: "wrong guess 12345" }).catch((caught: unknown) => caught);
      expect((error as AuthError).code).toBe("INVALID_CREDENTIALS");
    }
    // One verify per attempt, each against a hash of the configured cost.
    expect(verified).toEqual(["$2b$08$", "$2b$08$", "$2b$08$"]);
  });

  // A timing measurement can lose to a burst of load from another process, so it gets two more tries.
  it("takes as long for unknown email as wrong password", { retry: 2 }, async () => {
    const timeFailure = async (email: string): Promise<number> => {
      const started = performance.now();
      const error = await auth.login({ email, password: "wrong guess 12345" }).catch((caught: unknown) => caught);
      const elapsed = performance.now() - started;
      expect(isAuthError(error)).toBe(true);
      expect((error as AuthError).code).toBe("INVALID_CREDENTIALS");
      return elapsed;
    };

    // Warm up the dummy hash, JIT and connections, and create each throttle row,
    // so that every measured attempt updates a row instead of some inserting one.
    await timeFailure("nobody@example.com");
    await timeFailure("not an address");
    await timeFailure("timing@example.com");

    const unknown: number[] = [];
    const wrong: number[] = [];
    const malformed: number[] = [];
    // Interleaved, so drift in machine load affects every kind alike.
    for (let sample = 0; sample < SAMPLES; sample++) {
      unknown.push(await timeFailure("nobody@example.com"));
      wrong.push(await timeFailure("timing@example.com"));
      malformed.push(await timeFailure("not an address"));
    }

    // Other test files run in parallel and add noise that hits neighbouring
    // attempts alike, so the median of the paired differences is compared.
    const differences = unknown.map((value, index) => value - (wrong[index] ?? 0));
    const medianWrong = median(wrong);
    const report = JSON.stringify({
      unknown: median(unknown),
      wrong: medianWrong,
      malformed: median(malformed),
      pairedDifference: median(differences),
    });
    const allowed = Math.max(medianWrong * RELATIVE_MARGIN, ABSOLUTE_MARGIN_MS);
    expect(Math.abs(median(differences)), report).toBeLessThanOrEqual(allowed);
    // A malformed address skips the user lookup and can be a little faster. That
    // reveals only that the address is malformed, which the client knows already,
    // so its median appears in the report but is not asserted.
  });
});
