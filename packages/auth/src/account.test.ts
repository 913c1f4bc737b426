import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthService, type AuthService } from "./auth-service.js";
import { readBcryptCost } from "./password.js";
import { accessTokens, authEvents, users } from "./schema/index.js";
import { authErrorOf, createTestDatabase, requireSession, queryRows, testDrivers, type TestDatabase } from "./testing/index.js";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "tr0ub4dor and three more words";

describe.each(testDrivers())("account changes on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
  });

  afterAll(async () => {
    await database?.close();
  });

  async function signUp(): Promise<{ email: string; userId: string; token: string }> {
    const email = `account${++counter}@example.com`;
    const { user, token } = await auth.register({ email, password: PASSWORD });
    return { email, userId: user.id, token: token.accessToken };
  }

  async function storedHash(userId: string): Promise<string> {
    const rows = await database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
    return rows[0]?.hash ?? "";
  }

  describe("changePassword", () => {
    it("replaces the current token and ends the others", async () => {
      const { email, token } = await signUp();
      const other = await auth.login({ email, password: PASSWORD });

      const fresh = await auth.changePassword(await requireSession(auth, token), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(fresh.accessToken).not.toBe(token);
      expect(await auth.validate(token)).toBeNull();
      expect(await auth.validate(other.accessToken)).toBeNull();
      expect((await requireSession(auth, fresh.accessToken)).user.email).toBe(email);

      await expect(auth.login({ email, password: NEW_PASSWORD })).resolves.toMatchObject({ tokenType: "bearer" });
      expect((await authErrorOf(auth.login({ email, password: PASSWORD }))).code).toBe("INVALID_CREDENTIALS");
    });

    it("keeps other sessions when asked to", async () => {
      const { email, token } = await signUp();
      const other = await auth.login({ email, password: PASSWORD });
      const fresh = await auth.changePassword(await requireSession(auth, token), {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        signOutOtherSessions: false,
      });
      expect(await auth.validate(token)).toBeNull();
      expect(await auth.validate(other.accessToken)).not.toBeNull();
      expect(await auth.validate(fresh.accessToken)).not.toBeNull();
    });

    it("rejects a wrong current password and changes nothing", async () => {
      const { userId, token } = await signUp();
      const before = await storedHash(userId);
      for (const currentPassword of ["wrong password", "short", "x".repeat(10_000)]) {
        const error = await authErrorOf(
          auth.changePassword(await requireSession(auth, token), { currentPassword, newPassword: NEW_PASSWORD }),
        );
        expect(error.code).toBe("INCORRECT_PASSWORD");
        expect(error.field).toBe("currentPassword");
      }
      expect(await storedHash(userId)).toBe(before);
      expect(await auth.validate(token)).not.toBeNull();
    });

    it("rejects an invalid new password naming the field", async () => {
      const { token } = await signUp();
      const error = await authErrorOf(auth.changePassword(await requireSession(auth, token), { currentPassword: PASSWORD, newPassword: "short" }));
      expect(error.code).toBe("INVALID_PASSWORD");
      expect(error.field).toBe("newPassword");
    });

    it("lets only one of two concurrent changes win", async () => {
      const { token } = await signUp();
      const session = await requireSession(auth, token);
      const results = await Promise.allSettled([
        auth.changePassword(session, { currentPassword: PASSWORD, newPassword: `${NEW_PASSWORD} one` }),
        auth.changePassword(session, { currentPassword: PASSWORD, newPassword: `${NEW_PASSWORD} two` }),
      ]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    });
  });

  describe("rehash on login", () => {
    it("stores the configured cost only after a successful login", async () => {
      const { email, userId } = await signUp();
      const stronger = createAuthService({ db: database.db, bcryptCost: 5 });
      const original = await storedHash(userId);
      expect(readBcryptCost(original)).toBe(4);

      await authErrorOf(stronger.login({ email, password: "wrong password" }));
      expect(await storedHash(userId)).toBe(original);

      await stronger.login({ email, password: PASSWORD });
      const rehashed = await storedHash(userId);
      expect(rehashed).not.toBe(original);
      expect(readBcryptCost(rehashed)).toBe(5);

      await stronger.login({ email, password: PASSWORD });
      expect(await storedHash(userId)).toBe(rehashed);
      await expect(auth.login({ email, password: PASSWORD })).resolves.toMatchObject({ tokenType: "bearer" });
    });
  });

  describe("deleteAccount", () => {
    it("deletes the user and its tokens and keeps its events", async () => {
      const { email, userId, token } = await signUp();
      await auth.login({ email, password: PASSWORD });
      const eventCount = (await database.db.select().from(authEvents).where(eq(authEvents.userId, userId))).length;

      await auth.deleteAccount(await requireSession(auth, token), PASSWORD);
      expect(await database.db.select().from(users).where(eq(users.id, userId))).toEqual([]);
      expect(await database.db.select().from(accessTokens).where(eq(accessTokens.userId, userId))).toEqual([]);
      expect(await auth.validate(token)).toBeNull();
      expect((await authErrorOf(auth.login({ email, password: PASSWORD }))).code).toBe("INVALID_CREDENTIALS");

      expect(await database.db.select().from(authEvents).where(eq(authEvents.userId, userId))).toEqual([]);
      const orphaned = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from auth_events where user_id is null and type = 'account_deleted'`,
      );
      expect(orphaned[0]?.n).toBeGreaterThanOrEqual(1);
      expect(eventCount).toBe(2);
    });

    it("rejects a wrong password and keeps the account", async () => {
      const { userId, token } = await signUp();
      const error = await authErrorOf(auth.deleteAccount(await requireSession(auth, token), "wrong password"));
      expect(error.code).toBe("INCORRECT_PASSWORD");
      expect(error.field).toBe("password");
      expect(await database.db.select().from(users).where(eq(users.id, userId))).toHaveLength(1);
      expect(await auth.validate(token)).not.toBeNull();
    });
  });
});
