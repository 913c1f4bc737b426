import { createAuthService, type AuthService } from "@gatehouse/auth";
import { createTestDatabase, queryRows, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "./context";
import { createLogger } from "./logger";
import { createCaller } from "./root";
import { trpcErrorOf } from "./trpc-error-of";

const PASSWORD = "correct horse battery staple";

describe.each(testDrivers())("auth router through createCaller on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  const logger = createLogger({ level: "silent" });

  const callerFor = (token?: string) => {
    const headers = new Headers({ "user-agent": "vitest" });
    if (token) headers.set("authorization", `Bearer ${token}`);
    return createCaller(createContext({ auth, logger, headers, clientIp: "127.0.0.1" }));
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
  });

  afterAll(async () => {
    await database?.close();
  });

  it("runs register, login, me and logout", async () => {
    const registered = await callerFor().auth.register({ email: "Caller@Example.com", password: PASSWORD });
    expect(registered.user.email).toBe("caller@example.com");
    expect(registered.tokenType).toBe("bearer");
    expect(Date.parse(registered.expiresAt) - Date.now()).toBeGreaterThan(23.9 * 3600 * 1000);

    const login = await callerFor().auth.login({ email: "caller@example.com", password: PASSWORD });
    expect(Object.keys(login).sort()).toEqual(["accessToken", "expiresAt", "tokenType"]);

    const me = await callerFor(login.accessToken).auth.me();
    expect(me).toEqual(registered.user);
    expect(JSON.stringify(me)).not.toMatch(/\$2[aby]\$/);

    expect(await callerFor(login.accessToken).auth.logout()).toEqual({ success: true });
    const after = await trpcErrorOf(callerFor(login.accessToken).auth.me());
    expect(after.code).toBe("UNAUTHORIZED");
    expect(after.message).toContain("invalid or has expired");
  });

  it("records the client's user agent and address with the token", async () => {
    const { accessToken } = await callerFor().auth.register({ email: "client@example.com", password: PASSWORD });
    const list = await queryRows(
      database.db,
      sql`select user_agent, ip_address from access_tokens t join users u on u.id = t.user_id where u.email = 'client@example.com'`,
    );
    expect(list).toEqual([{ user_agent: "vitest", ip_address: "127.0.0.1" }]);
    expect(accessToken).toHaveLength(43);
  });

  it("answers unknown email and wrong password identically", async () => {
    await callerFor().auth.register({ email: "same@example.com", password: PASSWORD });
    const unknown = await trpcErrorOf(callerFor().auth.login({ email: "other@example.com", password: PASSWORD }));
    const wrong = await trpcErrorOf(callerFor().auth.login({ email: "same@example.com", password: "wrong password" }));
    expect(unknown.code).toBe("UNAUTHORIZED");
    expect(wrong.code).toBe(unknown.code);
    expect(wrong.message).toBe(unknown.message);
  });

  it("answers CONFLICT for an address in another case", async () => {
    await callerFor().auth.register({ email: "taken@example.com", password: PASSWORD });
    const error = await trpcErrorOf(callerFor().auth.register({ email: "TAKEN@example.com", password: PASSWORD }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("already exists");
  });

  it("answers UNAUTHORIZED without a token and for an expired one", async () => {
    expect((await trpcErrorOf(callerFor().auth.me())).code).toBe("UNAUTHORIZED");
    const { accessToken } = await callerFor().auth.register({ email: "stale@example.com", password: PASSWORD });
    await database.db.execute(sql`update access_tokens set expires_at = now() - interval '1 second' where user_id = (select id from users where email = 'stale@example.com')`);
    expect((await trpcErrorOf(callerFor(accessToken).auth.me())).code).toBe("UNAUTHORIZED");
    expect((await trpcErrorOf(callerFor(accessToken).auth.logout())).code).toBe("UNAUTHORIZED");
  });

  it("names the field in input errors", async () => {
    const badEmail = await trpcErrorOf(callerFor().auth.register({ email: "nope", password: PASSWORD }));
    expect(badEmail.code).toBe("BAD_REQUEST");
    expect(badEmail.message).toContain("name@example.com");
    const short = await trpcErrorOf(callerFor().auth.register({ email: "short@example.com", password: "short" }));
    expect(short.code).toBe("BAD_REQUEST");
    expect(short.message).toContain("at least 8 characters");
  });
});
