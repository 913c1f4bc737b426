import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashAccessToken, type IssuedAccessToken } from "./access-tokens.js";
import { createAuthService, type AuthService } from "./auth-service.js";
import { accessTokens } from "./schema/index.js";
import { authErrorOf, createTestDatabase, requireSession, queryRows, testDrivers, type TestDatabase } from "./testing/index.js";

const PASSWORD = "correct horse battery staple";
const HOUR = 3600 * 1000;
const CHROME_ON_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

describe.each(testDrivers())("sessions on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let counter = 0;

  // Idle timeout 1 hour, absolute 3 hours: renewal is due once the deadline can move by 5 minutes.
  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4, sessionIdleSeconds: 3600, sessionAbsoluteSeconds: 3 * 3600 });
  });

  afterAll(async () => {
    await database?.close();
  });

  async function signUp(client?: { userAgent?: string; ipAddress?: string }): Promise<{ email: string; token: IssuedAccessToken }> {
    const email = `user${++counter}@example.com`;
    const { token } = await auth.register({ email, password: PASSWORD }, client);
    return { email, token };
  }

  async function tokenRow(token: string) {
    const rows = await database.db.select().from(accessTokens).where(eq(accessTokens.tokenHash, hashAccessToken(token)));
    return rows[0];
  }

  it("issues idle and absolute deadlines", async () => {
    const before = Date.now();
    const { token } = await signUp();
    expect(token.expiresAt.getTime() - before).toBeGreaterThanOrEqual(HOUR - 1000);
    expect(token.expiresAt.getTime() - before).toBeLessThanOrEqual(HOUR + 1000);
    expect(token.absoluteExpiresAt.getTime() - token.expiresAt.getTime()).toBe(2 * HOUR);
    expect(token.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("does not write on an immediate second validation", async () => {
    const { token } = await signUp();
    const before = await tokenRow(token.accessToken);
    const first = await requireSession(auth, token.accessToken);
    const second = await requireSession(auth, token.accessToken);
    const after = await tokenRow(token.accessToken);

    expect(first.renewed).toBe(false);
    expect(second.renewed).toBe(false);
    expect(after?.expiresAt.getTime()).toBe(before?.expiresAt.getTime());
    expect(after?.lastUsedAt.getTime()).toBe(before?.lastUsedAt.getTime());
  });

  it("renews once the deadline can move 5 minutes", async () => {
    const { token } = await signUp();
    const issued = token.expiresAt.getTime();

    const early = await requireSession(auth, token.accessToken, new Date(issued - HOUR + 4 * 60 * 1000));
    expect(early.renewed).toBe(false);

    const now = new Date(issued - HOUR + 6 * 60 * 1000);
    const due = await requireSession(auth, token.accessToken, now);
    expect(due.renewed).toBe(true);
    expect(due.expiresAt.getTime()).toBe(now.getTime() + HOUR);
    const row = await tokenRow(token.accessToken);
    expect(row?.expiresAt.getTime()).toBe(now.getTime() + HOUR);
    expect(row?.lastUsedAt.getTime()).toBe(now.getTime());

    const again = await requireSession(auth, token.accessToken, new Date(now.getTime() + 1000));
    expect(again.renewed).toBe(false);
    expect(again.expiresAt.getTime()).toBe(now.getTime() + HOUR);
  });

  it("renews once for concurrent requests", async () => {
    const { token } = await signUp();
    const now = token.expiresAt.getTime() - HOUR + 10 * 60 * 1000;
    const sessions = await Promise.all(
      [0, 1, 2, 3].map((offset) => requireSession(auth, token.accessToken, new Date(now + offset))),
    );
    expect(sessions.filter((session) => session.renewed)).toHaveLength(1);
    const row = await tokenRow(token.accessToken);
    expect(row?.expiresAt.getTime()).toBeGreaterThanOrEqual(now + HOUR);
    expect(row?.expiresAt.getTime()).toBeLessThanOrEqual(now + 3 + HOUR);
  });

  it("expires after an hour idle and deletes the row", async () => {
    const { token } = await signUp();
    expect(await auth.validate(token.accessToken, { now: new Date(token.expiresAt.getTime() + 1) })).toBeNull();
    expect(await tokenRow(token.accessToken)).toBeUndefined();
  });

  it("expires at the absolute limit however it is used", async () => {
    const { token } = await signUp();
    const start = token.expiresAt.getTime() - HOUR;
    // Use the token every 50 minutes: each use renews, and the use at 150
    // minutes reaches the 3-hour cap.
    for (const minutes of [50, 100, 150]) {
      const session = await requireSession(auth, token.accessToken, new Date(start + minutes * 60 * 1000));
      expect(session.renewed).toBe(true);
      expect(session.expiresAt.getTime()).toBe(Math.min(start + (minutes + 60) * 60 * 1000, token.absoluteExpiresAt.getTime()));
    }
    // At the cap a renewal cannot gain anything, so none is written.
    const capped = await requireSession(auth, token.accessToken, new Date(start + 170 * 60 * 1000));
    expect(capped.expiresAt.getTime()).toBe(token.absoluteExpiresAt.getTime());
    expect(capped.renewed).toBe(false);

    const atLimit = new Date(token.absoluteExpiresAt.getTime());
    expect(await auth.validate(token.accessToken, { now: atLimit })).toBeNull();
    expect(await tokenRow(token.accessToken)).toBeUndefined();
  });

  it("rejects a row whose absolute deadline passed", async () => {
    const { token } = await signUp();
    await database.db
      .update(accessTokens)
      .set({ absoluteExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessTokens.tokenHash, hashAccessToken(token.accessToken)));
    expect(await auth.validate(token.accessToken)).toBeNull();
    expect(await tokenRow(token.accessToken)).toBeUndefined();
  });

  it("lists live sessions and marks the current one", async () => {
    const { email, token: first } = await signUp({ userAgent: CHROME_ON_WINDOWS, ipAddress: "192.0.2.1" });
    const second = await auth.login({ email, password: PASSWORD }, { userAgent: SAFARI_ON_IPHONE, ipAddress: "2001:db8::1" });
    const expired = await auth.login({ email, password: PASSWORD }, { userAgent: "curl/8.5.0" });
    await database.db
      .update(accessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accessTokens.tokenHash, hashAccessToken(expired.accessToken)));

    const sessions = await auth.listSessions(await requireSession(auth, second.accessToken));
    expect(sessions.map((session) => session.id).sort()).toEqual([first.sessionId, second.sessionId].sort());
    const current = sessions.find((session) => session.current);
    expect(current?.id).toBe(second.sessionId);
    expect(current?.device).toEqual({ browser: "Safari 17", os: "iOS", type: "mobile", label: "Safari 17 on iOS" });
    expect(current?.ipAddress).toBe("2001:db8::1");
    const other = sessions.find((session) => !session.current);
    expect(other?.device.label).toBe("Chrome 120 on Windows");
    expect(other?.ipAddress).toBe("192.0.2.1");

    const listed = JSON.stringify(sessions);
    for (const token of [first, second]) {
      expect(listed).not.toContain(token.accessToken);
      expect(listed).not.toContain(hashAccessToken(token.accessToken));
    }
  });

  it("revokes one session, which then stops working", async () => {
    const { email, token: first } = await signUp();
    const second = await auth.login({ email, password: PASSWORD });
    const session = await requireSession(auth, first.accessToken);

    expect(await auth.revokeSession(session, second.sessionId)).toEqual({ current: false });
    expect(await auth.validate(second.accessToken)).toBeNull();
    expect(await auth.validate(first.accessToken)).not.toBeNull();

    const again = await authErrorOf(auth.revokeSession(session, second.sessionId));
    expect(again.code).toBe("SESSION_NOT_FOUND");
  });

  it("answers SESSION_NOT_FOUND for another user's session", async () => {
    const alice = await signUp();
    const mallory = await signUp();
    const error = await authErrorOf(auth.revokeSession(await requireSession(auth, mallory.token.accessToken), alice.token.sessionId));
    expect(error.code).toBe("SESSION_NOT_FOUND");
    expect(error.field).toBe("id");
    expect(await auth.validate(alice.token.accessToken)).not.toBeNull();
    expect(await tokenRow(alice.token.accessToken)).toBeDefined();
  });

  it("answers SESSION_NOT_FOUND for a malformed id", async () => {
    const { token } = await signUp();
    for (const id of ["", "not-a-uuid", hashAccessToken(token.accessToken), token.accessToken]) {
      const error = await authErrorOf(auth.revokeSession(await requireSession(auth, token.accessToken), id));
      expect(error.code).toBe("SESSION_NOT_FOUND");
    }
    expect(await auth.validate(token.accessToken)).not.toBeNull();
  });

  it("revokes all other sessions and keeps the current", async () => {
    const { email, token: current } = await signUp();
    const others = [await auth.login({ email, password: PASSWORD }), await auth.login({ email, password: PASSWORD })];
    const bystander = await signUp();

    expect(await auth.revokeOtherSessions(await requireSession(auth, current.accessToken))).toEqual({ revoked: 2 });
    for (const other of others) expect(await auth.validate(other.accessToken)).toBeNull();
    expect(await auth.validate(current.accessToken)).not.toBeNull();
    expect(await auth.validate(bystander.token.accessToken)).not.toBeNull();

    const events = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from auth_events where type = 'session_revoked' and session_id in (${others[0]?.sessionId}, ${others[1]?.sessionId})`,
    );
    expect(events[0]?.n).toBe(2);
  });
});

describe.each(testDrivers())("validation queries on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  const queries: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(driver, { queryLogger: { logQuery: (query) => queries.push(query) } });
    auth = createAuthService({ db: database.db, bcryptCost: 4, sessionIdleSeconds: 3600 });
  });

  afterAll(async () => {
    await database?.close();
  });

  async function queriesDuring(work: () => Promise<unknown>): Promise<string[]> {
    queries.length = 0;
    await work();
    return [...queries];
  }

  it("runs one select for a valid token", async () => {
    const { token } = await auth.register({ email: "one-query@example.com", password: PASSWORD });
    const run = await queriesDuring(() => auth.validate(token.accessToken));
    expect(run).toHaveLength(1);
    expect(run[0]).toMatch(/^select .* from "access_tokens" inner join "users"/);
  });

  it("adds one update when renewal is due", async () => {
    const { token } = await auth.register({ email: "renewal-query@example.com", password: PASSWORD });
    const now = new Date(token.expiresAt.getTime() - HOUR + 10 * 60 * 1000);
    const run = await queriesDuring(() => auth.validate(token.accessToken, { now }));
    expect(run).toHaveLength(2);
    expect(run[1]).toMatch(/^update "access_tokens"/);
  });

  it("adds one delete for an expired token", async () => {
    const { token } = await auth.register({ email: "expired-query@example.com", password: PASSWORD });
    const now = new Date(token.expiresAt.getTime() + 1);
    const run = await queriesDuring(() => auth.validate(token.accessToken, { now }));
    expect(run).toHaveLength(2);
    expect(run[1]).toMatch(/^delete from "access_tokens"/);
  });

  it("runs no query for a malformed token", async () => {
    expect(await queriesDuring(() => auth.validate("not a token"))).toEqual([]);
  });
});
