import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hashAccessToken } from "./access-tokens.js";
import { authEvents, users } from "./schema/index.js";
import { useAuthFixture } from "./testing/auth-fixture.js";
import { authErrorOf, requireSession, testDrivers } from "./testing/index.js";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a different long passphrase";
const CLIENT = { userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", ipAddress: "203.0.113.7" };

describe.each(testDrivers())("activity log on %s", (driver) => {
  const fixture = useAuthFixture(driver);

  it("records each kind of event with client and no secret", async () => {
    const email = "events@example.com";
    const { user, token } = await fixture.auth.register({ email, password: PASSWORD }, CLIENT);
    await authErrorOf(fixture.auth.login({ email, password: "wrong password" }, CLIENT));
    const second = await fixture.auth.login({ email, password: PASSWORD }, CLIENT);
    await fixture.auth.revokeSession(await requireSession(fixture.auth, token.accessToken), second.sessionId, CLIENT);
    const changed = await fixture.auth.changePassword(
      await requireSession(fixture.auth, token.accessToken),
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      CLIENT,
    );
    await fixture.auth.recordEvent({ type: "throttled", userId: user.id, client: CLIENT });
    const third = await fixture.auth.login({ email, password: NEW_PASSWORD }, CLIENT);
    await fixture.auth.logout(third.accessToken, CLIENT);

    const events = await fixture.auth.listActivity(user.id);
    expect(events.map((event) => event.type)).toEqual([
      "logged_out",
      "login_succeeded",
      "throttled",
      "password_changed",
      "session_revoked",
      "login_succeeded",
      "login_failed",
      "registered",
    ]);
    for (const event of events) {
      expect(event.ipAddress).toBe(CLIENT.ipAddress);
      expect(event.userAgent).toBe(CLIENT.userAgent);
    }
    expect(events[0]?.sessionId).toBe(third.sessionId);
    expect(events[3]?.sessionId).toBe(changed.sessionId);
    expect(events[4]?.sessionId).toBe(second.sessionId);
    expect(events[7]?.sessionId).toBe(token.sessionId);

    const rows = JSON.stringify(await fixture.database.db.select().from(authEvents));
    const storedHash = (await fixture.database.db.select().from(users).where(eq(users.id, user.id)))[0]?.passwordHash ?? "";
    for (const secret of [PASSWORD, NEW_PASSWORD, "wrong password", storedHash]) expect(rows).not.toContain(secret);
    for (const issued of [token, second, changed, third]) {
      expect(rows).not.toContain(issued.accessToken);
      expect(rows).not.toContain(hashAccessToken(issued.accessToken));
    }
  });

  it("records failed logins for unknown addresses without a user", async () => {
    const before = await fixture.database.db.select().from(authEvents);
    await authErrorOf(fixture.auth.login({ email: "nobody@example.com", password: PASSWORD }, CLIENT));
    const after = await fixture.database.db.select().from(authEvents);
    const added = after.filter((row) => !before.some((old) => old.id === row.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ type: "login_failed", userId: null, ipAddress: CLIENT.ipAddress });
    expect(JSON.stringify(added)).not.toContain("nobody@example.com");
  });

  it("lists 20 newest by default and at most 100", async () => {
    const { user } = await fixture.auth.register({ email: "many@example.com", password: PASSWORD });
    const base = Date.now();
    for (let i = 0; i < 120; i++) {
      await fixture.auth.recordEvent({ type: "throttled", userId: user.id, now: new Date(base + (i + 1) * 1000) });
    }

    const recent = await fixture.auth.listActivity(user.id);
    expect(recent).toHaveLength(20);
    expect(recent[0]?.createdAt.getTime()).toBe(base + 120_000);
    const times = recent.map((event) => event.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect(await fixture.auth.listActivity(user.id, { limit: 100 })).toHaveLength(100);
    for (const limit of [0, 101, 2.5]) {
      const error = await authErrorOf(fixture.auth.listActivity(user.id, { limit }));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.field).toBe("limit");
    }
  });

  it("shows no other user's events", async () => {
    const { user } = await fixture.auth.register({ email: "private@example.com", password: PASSWORD });
    const events = await fixture.auth.listActivity(user.id, { limit: 100 });
    expect(events.map((event) => event.type)).toEqual(["registered"]);
  });
});
