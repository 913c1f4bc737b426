import { describe, expect, it } from "vitest";
import { useAuthFixture } from "./testing/auth-fixture.js";
import { authErrorOf, requireSession, testDrivers } from "./testing/index.js";

const PASSWORD = "correct horse battery staple";
const FREE_ATTEMPTS = 5;

describe.each(testDrivers())("password attempt throttling on %s", (driver) => {
  const fixture = useAuthFixture(driver);

  it("throttles wrong current passwords in password change", async () => {
    const { token } = await fixture.auth.register({ email: "change-guess@example.com", password: PASSWORD });
    const session = await requireSession(fixture.auth, token.accessToken);

    for (let attempt = 1; attempt <= FREE_ATTEMPTS; attempt++) {
      const error = await authErrorOf(
        fixture.auth.changePassword(session, { currentPassword: `wrong guess ${attempt}`, newPassword: "a brand new passphrase" }),
      );
      expect(error.code).toBe("INCORRECT_PASSWORD");
    }
    const throttled = await authErrorOf(
      fixture.auth.changePassword(session, { currentPassword: PASSWORD, newPassword: "a brand new passphrase" }),
    );
    expect(throttled.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("throttles wrong passwords in account deletion and logs the event", async () => {
    const { user, token } = await fixture.auth.register({ email: "delete-guess@example.com", password: PASSWORD });
    const session = await requireSession(fixture.auth, token.accessToken);

    for (let attempt = 1; attempt <= FREE_ATTEMPTS; attempt++) {
      expect((await authErrorOf(fixture.auth.deleteAccount(session, `wrong guess ${attempt}`))).code).toBe("INCORRECT_PASSWORD");
    }
    expect((await authErrorOf(fixture.auth.deleteAccount(session, PASSWORD))).code).toBe("TOO_MANY_ATTEMPTS");
    expect(await fixture.auth.validate(token.accessToken)).not.toBeNull();

    const types = (await fixture.auth.listActivity(user.id)).map((event) => event.type);
    expect(types).toContain("throttled");
  });

  it("logs a throttled login against the named account", async () => {
    const { user } = await fixture.auth.register({ email: "login-guess@example.com", password: PASSWORD });
    for (let attempt = 1; attempt <= FREE_ATTEMPTS; attempt++) {
      expect((await authErrorOf(fixture.auth.login({ email: "login-guess@example.com", password: `nope ${attempt}!!` }))).code).toBe(
        "INVALID_CREDENTIALS",
      );
    }
    expect((await authErrorOf(fixture.auth.login({ email: "login-guess@example.com", password: PASSWORD }))).code).toBe(
      "TOO_MANY_ATTEMPTS",
    );
    const events = await fixture.auth.listActivity(user.id);
    expect(events[0]?.type).toBe("throttled");
  });

  it("rejects a common new password in password change", async () => {
    const { token } = await fixture.auth.register({ email: "common-new@example.com", password: PASSWORD });
    const session = await requireSession(fixture.auth, token.accessToken);
    const error = await authErrorOf(fixture.auth.changePassword(session, { currentPassword: PASSWORD, newPassword: "password123" }));
    expect(error.code).toBe("INVALID_PASSWORD");
    expect(error.field).toBe("newPassword");
  });
});
