import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashAccessToken } from "./access-tokens.js";
import { createAuthService, type AuthService } from "./auth-service.js";
import type { AuthError } from "./errors.js";
import { inlinePasswordHasher } from "./password.js";
import { accessTokens, users } from "./schema/index.js";
import { authErrorOf, createTestDatabase, testDrivers, type TestDatabase } from "./testing/index.js";

const PASSWORD = "correct horse battery staple";

describe.each(testDrivers())("auth service on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4, sessionIdleSeconds: 3600 });
  });

  afterAll(async () => {
    await database?.close();
  });

  it("registers, logs in, validates and logs out", async () => {
    const { user, token } = await auth.register({ email: "Flow@Example.com", password: PASSWORD });
    expect(user.email).toBe("flow@example.com");
    expect(token.tokenType).toBe("bearer");
    expect(token.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const login = await auth.login({ email: " FLOW@example.com ", password: PASSWORD });
    expect(login.accessToken).not.toBe(token.accessToken);

    const validated = await auth.validate(login.accessToken);
    expect(validated?.user).toEqual(user);
    expect(validated?.expiresAt.getTime()).toBe(login.expiresAt.getTime());

    expect(await auth.logout(login.accessToken)).toBe(true);
    expect(await auth.validate(login.accessToken)).toBeNull();
    expect(await auth.logout(login.accessToken)).toBe(false);
    expect(await auth.validate(token.accessToken)).not.toBeNull();
  });

  it("answers unknown email and wrong password identically", async () => {
    await auth.register({ email: "known@example.com", password: PASSWORD });
    const unknown = await authErrorOf(auth.login({ email: "nobody@example.com", password: PASSWORD }));
    const wrong = await authErrorOf(auth.login({ email: "known@example.com", password: `${PASSWORD}!` }));
    const malformed = await authErrorOf(auth.login({ email: "not-an-address", password: PASSWORD }));

    for (const error of [unknown, wrong, malformed]) {
      expect(error.code).toBe("INVALID_CREDENTIALS");
      expect(error.message).toBe(unknown.message);
      expect(error.field).toBeUndefined();
    }
  });

  it("rejects the same address in another case or width", async () => {
    await auth.register({ email: "case@example.com", password: PASSWORD });
    for (const variant of ["CASE@EXAMPLE.COM", "ｃａｓｅ@example.com", "  case@example.com"]) {
      const error = await authErrorOf(auth.register({ email: variant, password: PASSWORD }));
      expect(error.code).toBe("EMAIL_TAKEN");
      expect(error.field).toBe("email");
    }
  });

  it("creates one user from 20 concurrent registrations", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        auth.register({ email: i % 2 ? "race@example.com" : "RACE@example.com", password: PASSWORD }),
      ),
    );
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const codes = results.flatMap((result) =>
      result.status === "rejected" ? [(result.reason as AuthError).code] : [],
    );
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual(Array.from({ length: 19 }, () => "EMAIL_TAKEN"));

    const count = await database.db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`email = 'race@example.com'`);
    expect(count[0]?.n).toBe(1);
    const tokens = await database.db.select({ n: sql<number>`count(*)::int` }).from(accessTokens).innerJoin(users, sql`users.id = access_tokens.user_id`).where(sql`users.email = 'race@example.com'`);
    expect(tokens[0]?.n).toBe(1);
  });

  it("rejects a login racing account deletion", async () => {
    const email = "deleted-meanwhile@example.com";
    await auth.register({ email, password: PASSWORD });
    // The account is deleted between the password check and the token insert, as a concurrent deleteAccount can do.
    const racing = createAuthService({
      db: database.db,
      bcryptCost: 4,
      hasher: {
        hash: (password, cost) => inlinePasswordHasher.hash(password, cost),
        verify: async (password, hash) => {
          const matches = await inlinePasswordHasher.verify(password, hash);
          await database.db.delete(users).where(eq(users.email, email));
          return matches;
        },
      },
    });

    const error = await authErrorOf(racing.login({ email, password: PASSWORD }));

    expect(error.code).toBe("INVALID_CREDENTIALS");
    expect(error.message).toBe("Email address or password is incorrect.");
  });

  it("rejects an expired token", async () => {
    const { token } = await auth.register({ email: "expired@example.com", password: PASSWORD });
    await database.db
      .update(accessTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(sql`token_hash = ${hashAccessToken(token.accessToken)}`);
    expect(await auth.validate(token.accessToken)).toBeNull();
  });

  it("returns null for malformed and unknown tokens", async () => {
    for (const token of [undefined, null, "", "short", "x".repeat(43), "!".repeat(43), "a".repeat(10_000)]) {
      expect(await auth.validate(token)).toBeNull();
    }
  });

  it("stores no plaintext token or password", async () => {
    const { token } = await auth.register({ email: "plain@example.com", password: PASSWORD });
    const tokenRows = await database.db.select().from(accessTokens);
    const serialized = JSON.stringify(tokenRows) + JSON.stringify(await database.db.select().from(users));
    expect(serialized).not.toContain(token.accessToken);
    expect(serialized).not.toContain(PASSWORD);
    expect(tokenRows.map((row) => row.tokenHash)).toContain(hashAccessToken(token.accessToken));
  });

  it("deletes a user's tokens with the user", async () => {
    const { user, token } = await auth.register({ email: "gone@example.com", password: PASSWORD });
    await database.db.delete(users).where(sql`id = ${user.id}`);
    expect(await auth.validate(token.accessToken)).toBeNull();
    const left = await database.db.select().from(accessTokens).where(sql`user_id = ${user.id}`);
    expect(left).toHaveLength(0);
  });

  it("rejects weak and oversized passwords at registration", async () => {
    const short = await authErrorOf(auth.register({ email: "weak@example.com", password: "1234567" }));
    expect(short.code).toBe("INVALID_PASSWORD");
    expect(short.field).toBe("password");
    const huge = await authErrorOf(auth.register({ email: "huge@example.com", password: "x".repeat(1_000_000) }));
    expect(huge.code).toBe("INVALID_PASSWORD");
    const rows = await database.db.select().from(users).where(sql`email in ('weak@example.com', 'huge@example.com')`);
    expect(rows).toHaveLength(0);
  });

  it("rejects a password that shares only the first 72 bytes", async () => {
    const prefix = "p".repeat(72);
    await auth.register({ email: "long@example.com", password: `${prefix}-first` });
    const error = await authErrorOf(auth.login({ email: "long@example.com", password: `${prefix}-other` }));
    expect(error.code).toBe("INVALID_CREDENTIALS");
    await expect(auth.login({ email: "long@example.com", password: `${prefix}-first` })).resolves.toMatchObject({
      tokenType: "bearer",
    });
  });
});

describe("createAuthService", () => {
  it("rejects a bcrypt cost outside 4 to 31", () => {
    expect(() => createAuthService({ db: {} as never, bcryptCost: 3 })).toThrow(/from 4 to 31/);
  });

  it("rejects an idle timeout under one second", () => {
    expect(() => createAuthService({ db: {} as never, sessionIdleSeconds: 0 })).toThrow(/from 1 to/);
    expect(() => createAuthService({ db: {} as never, sessionIdleSeconds: 1.5 })).toThrow(/from 1 to/);
  });

  it("accepts a one-second idle timeout", () => {
    expect(createAuthService({ db: {} as never, tokenTtlSeconds: 1 }).sessionPolicy.idleSeconds).toBe(1);
  });

  it("takes tokenTtlSeconds as the idle timeout", () => {
    const auth = createAuthService({ db: {} as never, tokenTtlSeconds: 600 });
    expect(auth.sessionPolicy.idleSeconds).toBe(600);
    expect(auth.tokenTtlSeconds).toBe(600);
  });

  it("rejects an absolute timeout shorter than the idle one", () => {
    expect(() => createAuthService({ db: {} as never, sessionIdleSeconds: 7200, sessionAbsoluteSeconds: 3600 })).toThrow(
      /must not be shorter than the idle timeout/,
    );
  });
});
