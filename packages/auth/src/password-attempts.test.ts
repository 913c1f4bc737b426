import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthService, type AuthService } from "./auth-service.js";
import { authErrorOf, createTestDatabase, requireSession, testDrivers, type TestDatabase } from "./testing/index.js";

const PASSWORD = "correct horse battery staple";
const FREE_ATTEMPTS = 5;

describe.each(testDrivers())("password attempt throttling on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
  });

  afterAll(async () => {
    await database?.close();
  });

  it("throttles wrong current passwords in password change", async () => {
    const { token } = await auth.register({ email: "change-guess@example.com", password: PASSWORD });
    const session = await requireSession(auth, token.accessToken);

    for (let attempt = 1; attempt <= FREE_ATTEMPTS; attempt++) {
      const error = await authErrorOf(
        auth.changePassword(session, { currentPassword: `wrong guess ${attempt}`, newPassword: "a brand new passphrase" }),
      );
      expect(error.code).toBe("INCORRECT_PASSWORD");
    }
    const throttled = await authErrorOf(
      auth.changePassword(session, { currentPassword: PASSWORD, newPassword: "a brand new passphrase" }),
    );
    expect(throttled.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("throttles wrong passwords in account deletion and logs the event", async () => {
    const { user, token } = await auth.register({ email: "delete-guess@example.com", password: PASSWORD });
    const session = await requireSession(auth, token.accessToken);

    for (let attempt = 1; attempt <= FREE_ATTEMPTS; attempt++) {
      expect((await authErrorOf(auth.deleteAccount(session, `wrong guess ${attempt}`))).code).toBe("INCORRECT_PASSWORD");
    }
    expect((await authErrorOf(auth.deleteAccount(session, PASSWORD))).code).toBe("TOO_MANY_ATTEMPTS");
    expect(await auth.validate(token.accessToken)).not.toBeNull();

    const types = (await auth.listActivity(user.id)).map((event) => event.type);
    expect(types).toContain("throttled");
  });

  it("logs a throttled login against the named account", async () => {
    const { user } = await auth.register({ email: "login-guess@example.com", password: PASSWORD });
    for (let attempt = 1; attempt <= FREE_ATTEMPTS; attempt++) {
      expect((await authErrorOf(auth.login({ email: "login-guess@example.com", password: `nope ${attempt}!!` }))).code).toBe(
        "INVALID_CREDENTIALS",
      );
    }
    expect((await authErrorOf(auth.login({ email: "login-guess@example.com", password: PASSWORD }))).code).toBe(
      "TOO_MANY_ATTEMPTS",
    );
    const events = await auth.listActivity(user.id);
    expect(events[0]?.type).toBe("throttled");
  });

  it("rejects a common new password in password change", async () => {
    const { token } = await auth.register({ email: "common-new@example.com", password: PASSWORD });
    const session = await requireSession(auth, token.accessToken);
    const error = await authErrorOf(auth.changePassword(session, { currentPassword: PASSWORD, newPassword: "password123" }));
    expect(error.code).toBe("INVALID_PASSWORD");
    expect(error.field).toBe("newPassword");
  });
});
