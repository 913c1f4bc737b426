import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashAccessToken } from "./access-tokens.js";
import { createAuthService, type AuthService } from "./auth-service.js";
import { purgeExpiredTokens } from "./purge.js";
import { runPurgeCommand } from "./purge-command.js";
import { startPurgeSchedule } from "./purge-schedule.js";
import { useAuthFixture } from "./testing/auth-fixture.js";
import { createTestDatabase, queryRows, testDrivers, type TestDatabase } from "./testing/index.js";

const PASSWORD = "correct horse battery staple";

/** Inserts `count` expired tokens for the user in one statement. */
async function insertExpiredTokens(database: TestDatabase, userId: string, count: number): Promise<void> {
  await database.db.execute(sql`
    insert into access_tokens (token_hash, user_id, created_at, expires_at, absolute_expires_at, last_used_at)
    select encode(sha256(('expired-' || n || '-' || ${userId})::bytea), 'hex'), ${userId}::uuid,
           now() - interval '2 days', now() - interval '1 day', now() + interval '1 day', now() - interval '2 days'
    from generate_series(1, ${count}) as n`);
}

async function countTokens(database: TestDatabase, condition = sql`true`): Promise<number> {
  const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from access_tokens where ${condition}`);
  return rows[0]?.n ?? -1;
}

describe.each(testDrivers())("purgeExpiredTokens on %s", (driver) => {
  const fixture = useAuthFixture(driver);

  it("deletes expired rows in batches and keeps live ones", async () => {
    const { user, token } = await fixture.auth.register({ email: "batches@example.com", password: PASSWORD });
    await insertExpiredTokens(fixture.database, user.id, 2_500);

    const result = await purgeExpiredTokens(fixture.database.db, { batchSize: 1_000 });
    expect(result).toEqual({ deleted: 2_500, batches: 3 });
    expect(await countTokens(fixture.database)).toBe(1);
    expect(await fixture.auth.validate(token.accessToken)).not.toBeNull();

    expect(await purgeExpiredTokens(fixture.database.db)).toEqual({ deleted: 0, batches: 1 });
  });

  it("treats the deadline itself as expired", async () => {
    const { token } = await fixture.auth.register({ email: "edge@example.com", password: PASSWORD });
    const hash = sql`token_hash = ${hashAccessToken(token.accessToken)}`;
    await purgeExpiredTokens(fixture.database.db, { now: new Date(token.expiresAt.getTime() - 1) });
    expect(await countTokens(fixture.database, hash)).toBe(1);
    await purgeExpiredTokens(fixture.database.db, { now: token.expiresAt });
    expect(await countTokens(fixture.database, hash)).toBe(0);
  });

  it("rejects a batch size out of range", async () => {
    for (const batchSize of [0, 10_001, 1.5]) {
      await expect(purgeExpiredTokens(fixture.database.db, { batchSize })).rejects.toThrow(/batch size must be a whole number/);
    }
  });

  it("runs on a schedule until stopped", async () => {
    const { user } = await fixture.auth.register({ email: "schedule@example.com", password: PASSWORD });
    await insertExpiredTokens(fixture.database, user.id, 10);
    const purged: number[] = [];
    const schedule = startPurgeSchedule(fixture.database.db, { intervalSeconds: 0.05, onPurged: (result) => purged.push(result.deleted) });
    await expect.poll(() => purged.length, { timeout: 5_000 }).toBeGreaterThan(1);
    await schedule.stop();

    expect(purged[0]).toBe(10);
    expect(await countTokens(fixture.database, sql`user_id = ${user.id}`)).toBe(1);
  });
});

describe("runPurgeCommand", () => {
  it("purges the PostgreSQL database in DATABASE_URL", async () => {
    const database = await createTestDatabase("postgres");
    try {
      const auth = createAuthService({ db: database.db, bcryptCost: 4 });
      const { user } = await auth.register({ email: "command@example.com", password: PASSWORD });
      await insertExpiredTokens(database, user.id, 30);

      const result = await runPurgeCommand({ DATABASE_URL: database.url });
      expect(result).toMatchObject({ driver: "postgres", deleted: 30, batches: 1 });
      expect(await countTokens(database)).toBe(1);
    } finally {
      await database.close();
    }
  });

  it("purges the PGlite folder in GATEHOUSE_DATA_DIR", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "gatehouse-purge-"));
    try {
      const result = await runPurgeCommand({ GATEHOUSE_DATA_DIR: join(dataDir, "db") });
      expect(result).toMatchObject({ driver: "pglite", deleted: 0, batches: 1 });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("rejects an invalid DATABASE_URL naming it", async () => {
    await expect(runPurgeCommand({ DATABASE_URL: "mysql://localhost/app" })).rejects.toThrow(/DATABASE_URL must start with postgres:\/\//);
  });
});

describe("purgeExpiredTokens under load on postgres", () => {
  let database: TestDatabase;
  let auth: AuthService;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
  });

  afterAll(async () => {
    await database?.close();
  });

  it("clears 100,000 expired rows while logins go on", async ({ annotate }) => {
    const { user } = await auth.register({ email: "load@example.com", password: PASSWORD });
    await insertExpiredTokens(database, user.id, 100_000);
    expect(await countTokens(database, sql`expires_at <= now()`)).toBe(100_000);

    let purging = true;
    const purge = purgeExpiredTokens(database.db).finally(() => {
      purging = false;
    });
    const loginTimes: number[] = [];
    const logins = (async () => {
      // Logins keep going until the purge ends, bounded at 2,000 in case it never does.
      while (loginTimes.length < 2_000 && (purging || loginTimes.length < 10)) {
        const started = performance.now();
        await auth.login({ email: "load@example.com", password: PASSWORD });
        loginTimes.push(performance.now() - started);
      }
    })();

    const [result] = await Promise.all([purge, logins]);
    expect(result.deleted).toBe(100_000);
    expect(result.batches).toBe(51);
    expect(loginTimes.length).toBeGreaterThanOrEqual(10);
    expect(await countTokens(database, sql`expires_at <= now()`)).toBe(0);
    expect(await countTokens(database)).toBe(1 + loginTimes.length);

    const sorted = [...loginTimes].sort((a, b) => a - b);
    const slowest = sorted.at(-1) ?? 0;
    await annotate(`purge of 100,000 rows: ${result.batches} batches; ${loginTimes.length} logins during it, slowest ${slowest.toFixed(1)} ms`);
  });
});
