import { describe, expect, it } from "vitest";
import { isAuthError } from "./errors.js";
import { assertPasswordNotCommon, passwordStrength } from "./password-strength.js";
import { useAuthFixture } from "./testing/auth-fixture.js";
import { testDrivers } from "./testing/index.js";

describe("passwordStrength", () => {
  it("flags listed and near-listed passwords", () => {
    for (const password of ["password", "12345678", "qwertyuiop", "iloveyou", "password123", "P@ssw0rd!", "PASSWORD1", "abcdefgh"]) {
      const strength = passwordStrength(password);
      expect(strength.tooCommon, password).toBe(true);
      expect(strength.hint, password).toContain("passphrase");
    }
  });

  it("accepts strong passwords without a hint", () => {
    for (const password of ["correct horse battery staple", "Xy7!pq9#Lm2$", "lantern orbit pickle 1987"]) {
      const strength = passwordStrength(password);
      expect(strength.tooCommon, password).toBe(false);
      expect(strength.score, password).toBeGreaterThanOrEqual(3);
      expect(strength.hint, password).toBeNull();
    }
  });

  it("flags the product name", () => {
    expect(passwordStrength("gatehouse2024").tooCommon).toBe(true);
  });

  it("counts the email as a known word", () => {
    expect(passwordStrength("margarethe1", ["margarethe1@example.com", "margarethe1"]).tooCommon).toBe(true);
  });

  it("stays fast for the longest password", () => {
    const started = performance.now();
    passwordStrength("ab1!".repeat(64));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("assertPasswordNotCommon", () => {
  it("names the field and the fix", () => {
    let caught: unknown;
    try {
      assertPasswordNotCommon("password1");
    } catch (error) {
      caught = error;
    }
    expect(isAuthError(caught)).toBe(true);
    if (!isAuthError(caught)) return;
    expect(caught.code).toBe("INVALID_PASSWORD");
    expect(caught.field).toBe("password");
    expect(caught.message).toMatch(/^Password is too common: .+ Use a longer passphrase of several unrelated words\.$/);
  });
});

describe.each(testDrivers())("registration with a common password on %s", (driver) => {
  const fixture = useAuthFixture(driver);

  it("rejects it and creates no user", async () => {
    await expect(fixture.auth.register({ email: "weak@example.com", password: "iloveyou" })).rejects.toMatchObject({
      code: "INVALID_PASSWORD",
      field: "password",
    });
    const { user } = await fixture.auth.register({ email: "weak@example.com", password: "correct horse battery staple" });
    expect(user.email).toBe("weak@example.com");
  });

  it("still lets a login try any password", async () => {
    await expect(fixture.auth.login({ email: "weak@example.com", password: "iloveyou" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
  });
});
