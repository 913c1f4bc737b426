import { createAuthService, type AuthService } from "@gatehouse/auth";
import { createTestDatabase, queryRows, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../context";
import { createTrpcHandler } from "../fetch-handler";
import { createLogger } from "../logger";
import { createCaller } from "../root";
import { serveFetchHandler, type RunningServer } from "../test-server";
import { trpcErrorOf } from "../trpc-error-of";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "another long passphrase here";
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

describe.each(testDrivers())("account security procedures on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let server: RunningServer;
  let counter = 0;
  const logger = createLogger({ level: "silent" });

  const callerFor = (token?: string, userAgent = FIREFOX) => {
    const headers = new Headers({ "user-agent": userAgent });
    if (token) headers.set("authorization", `Bearer ${token}`);
    return createCaller(createContext({ auth, logger, headers, clientIp: "127.0.0.1" }));
  };

  async function signUp(): Promise<{ email: string; token: string }> {
    const email = `security${++counter}@example.com`;
    const { accessToken } = await callerFor().auth.register({ email, password: PASSWORD });
    return { email, token: accessToken };
  }

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
    server = await serveFetchHandler(createTrpcHandler({ auth, logger, endpoint: "/api/trpc" }));
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  describe("auth.sessions", () => {
    it("lists sessions with device and current flag", async () => {
      const { email, token } = await signUp();
      await callerFor(undefined, "curl/8.5.0").auth.login({ email, password: PASSWORD });

      const { sessions } = await callerFor(token).auth.sessions.list();
      expect(sessions).toHaveLength(2);
      const current = sessions.filter((session) => session.current);
      expect(current).toHaveLength(1);
      expect(current[0]?.device.label).toBe("Firefox 128 on Linux");
      expect(current[0]?.ipAddress).toBe("127.0.0.1");
      expect(sessions.find((session) => !session.current)?.device.label).toBe("curl/8.5.0");
      for (const session of sessions) {
        expect(session.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
        expect(Date.parse(session.absoluteExpiresAt)).toBeGreaterThanOrEqual(Date.parse(session.expiresAt));
      }
      expect(JSON.stringify(sessions)).not.toContain(token);
    });

    it("revokes a session, which then answers UNAUTHORIZED", async () => {
      const { email, token } = await signUp();
      const other = await callerFor().auth.login({ email, password: PASSWORD });
      const { sessions } = await callerFor(token).auth.sessions.list();
      const target = sessions.find((session) => !session.current);

      expect(await callerFor(token).auth.sessions.revoke({ id: target?.id ?? "" })).toEqual({ success: true, current: false });
      expect((await trpcErrorOf(callerFor(other.accessToken).auth.me())).code).toBe("UNAUTHORIZED");
      expect((await callerFor(token).auth.me()).email).toBe(email);
    });

    it("answers NOT_FOUND for another user's session", async () => {
      const alice = await signUp();
      const mallory = await signUp();
      const { sessions } = await callerFor(alice.token).auth.sessions.list();
      const aliceSession = sessions[0]?.id ?? "";

      const error = await trpcErrorOf(callerFor(mallory.token).auth.sessions.revoke({ id: aliceSession }));
      expect(error.code).toBe("NOT_FOUND");
      expect((await callerFor(alice.token).auth.me()).email).toBe(alice.email);
    });

    it("revokes the others and keeps the current", async () => {
      const { email, token } = await signUp();
      const others = await Promise.all([1, 2, 3].map(() => callerFor().auth.login({ email, password: PASSWORD })));
      expect(await callerFor(token).auth.sessions.revokeOthers()).toEqual({ revoked: 3 });
      for (const other of others) {
        expect((await trpcErrorOf(callerFor(other.accessToken).auth.me())).code).toBe("UNAUTHORIZED");
      }
      expect((await callerFor(token).auth.sessions.list()).sessions).toHaveLength(1);
    });
  });

  describe("auth.changePassword", () => {
    it("returns a new token and ends the old ones", async () => {
      const { email, token } = await signUp();
      const other = await callerFor().auth.login({ email, password: PASSWORD });

      const result = await callerFor(token).auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(Object.keys(result).sort()).toEqual(["accessToken", "expiresAt", "tokenType"]);
      expect((await trpcErrorOf(callerFor(token).auth.me())).code).toBe("UNAUTHORIZED");
      expect((await trpcErrorOf(callerFor(other.accessToken).auth.me())).code).toBe("UNAUTHORIZED");
      expect((await callerFor(result.accessToken).auth.me()).email).toBe(email);
    });

    it("keeps other sessions when signOutOtherSessions is false", async () => {
      const { email, token } = await signUp();
      const other = await callerFor().auth.login({ email, password: PASSWORD });
      await callerFor(token).auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, signOutOtherSessions: false });
      expect((await callerFor(other.accessToken).auth.me()).email).toBe(email);
    });

    it("answers BAD_REQUEST for a wrong current password", async () => {
      const { token } = await signUp();
      const error = await trpcErrorOf(callerFor(token).auth.changePassword({ currentPassword: "wrong password", newPassword: NEW_PASSWORD }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe("The current password is incorrect.");
      expect((await callerFor(token).auth.me()).id).toBeDefined();
    });
  });

  describe("auth.deleteAccount", () => {
    it("deletes the account and its tokens", async () => {
      const { email, token } = await signUp();
      expect(await callerFor(token).auth.deleteAccount({ password: PASSWORD })).toEqual({ success: true });
      expect((await trpcErrorOf(callerFor(token).auth.me())).code).toBe("UNAUTHORIZED");
      expect((await trpcErrorOf(callerFor().auth.login({ email, password: PASSWORD }))).code).toBe("UNAUTHORIZED");
      const rows = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from users where email = ${email}`,
      );
      expect(rows[0]?.n).toBe(0);
    });

    it("keeps the account after a wrong password", async () => {
      const { token } = await signUp();
      const error = await trpcErrorOf(callerFor(token).auth.deleteAccount({ password: "wrong password" }));
      expect(error.code).toBe("BAD_REQUEST");
      expect((await callerFor(token).auth.me()).id).toBeDefined();
    });
  });

  describe("auth.activity.list", () => {
    it("returns the user's events newest first", async () => {
      const { email, token } = await signUp();
      await trpcErrorOf(callerFor().auth.login({ email, password: "wrong password" }));
      const { events } = await callerFor(token).auth.activity.list();
      expect(events.map((event) => event.type)).toEqual(["login_failed", "registered"]);
      expect(events[0]?.device.label).toBe("Firefox 128 on Linux");
      expect(events[0]?.ipAddress).toBe("127.0.0.1");

      const limited = await callerFor(token).auth.activity.list({ limit: 1 });
      expect(limited.events.map((event) => event.type)).toEqual(["login_failed"]);
    });
  });

  describe("over HTTP", () => {
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${server.url}/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    it("answers 404 for a session that is not the user's", async () => {
      const { token } = await signUp();
      const response = await post("auth.sessions.revoke", { id: "00000000-0000-4000-8000-000000000000" }, token);
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: { message: string; data: { field?: string } } };
      expect(body.error.message).toContain("No session of yours has this id");
    });

    it("names the field in input errors", async () => {
      const { token } = await signUp();
      const cases: Array<[string, unknown, string, string]> = [
        ["auth.sessions.revoke", { id: "not-a-uuid" }, "id", "id must be the id of a session"],
        ["auth.sessions.revoke", {}, "id", "id is required"],
        ["auth.changePassword", { newPassword: NEW_PASSWORD }, "currentPassword", "currentPassword is required"],
        ["auth.changePassword", { currentPassword: PASSWORD, newPassword: "short" }, "newPassword", "at least 8 characters"],
        ["auth.changePassword", { currentPassword: "wrong password", newPassword: NEW_PASSWORD }, "currentPassword", "incorrect"],
        [
          "auth.changePassword",
          { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, signOutOtherSessions: "yes" },
          "signOutOtherSessions",
          "true or false",
        ],
        ["auth.deleteAccount", { password: "wrong password" }, "password", "incorrect"],
      ];
      for (const [path, body, field, text] of cases) {
        const response = await post(path, body, token);
        expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        const json = (await response.json()) as { error: { message: string; data: { field?: string } } };
        expect(json.error.data.field, `${path} ${JSON.stringify(body)}`).toBe(field);
        expect(json.error.message).toContain(text);
        expect(JSON.stringify(json)).not.toContain(PASSWORD);
      }
    });

    it("rejects an activity limit out of range", async () => {
      const { token } = await signUp();
      for (const limit of [0, 101, 1.5, "ten"]) {
        const input = encodeURIComponent(JSON.stringify({ limit }));
        const response = await fetch(`${server.url}/api/trpc/auth.activity.list?input=${input}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(response.status).toBe(400);
        const json = (await response.json()) as { error: { message: string; data: { field?: string } } };
        expect(json.error.data.field).toBe("limit");
        expect(json.error.message).toContain("limit must be a whole number from 1 to 100");
      }
    });
  });
});
