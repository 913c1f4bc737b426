import { createAuthService, type AuthService } from "@gatehouse/auth";
import { createTestDatabase, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler } from "./fetch-handler";
import { createLogger } from "./logger";
import { SECURE_SESSION_COOKIE_NAME, SESSION_COOKIE_NAME } from "./session-token-cookie";
import { serveFetchHandler, type RunningServer } from "./test-server";

const PASSWORD = "correct horse battery staple";

interface ErrorBody {
  error: { message: string; data: { code: string; httpStatus: number } };
}

describe.each(testDrivers())("cookie authentication on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let server: RunningServer;
  let host: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
    server = await serveFetchHandler(createTrpcHandler({ auth, logger: createLogger({ level: "silent" }), endpoint: "/api/trpc" }));
    host = new URL(server.url).host;
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const signIn = async (email: string) => (await auth.register({ email, password: PASSWORD })).token.accessToken;
  const me = (headers: Record<string, string>) => fetch(`${server.url}/api/trpc/auth.me`, { headers });
  const logout = (headers: Record<string, string>) => fetch(`${server.url}/api/trpc/auth.logout`, { method: "POST", headers: { "content-type": "application/json", ...headers } });

  it("accepts the session cookie for a query", async () => {
    const token = await signIn("cookie-me@example.com");

    const response = await me({ cookie: `theme=dark; ${SESSION_COOKIE_NAME}=${token}` });

    expect(response.status).toBe(200);
  });

  it("ignores the unprefixed cookie over https", async () => {
    const token = await signIn("cookie-https@example.com");

    const plain = await me({ cookie: `${SESSION_COOKIE_NAME}=${token}`, "x-forwarded-proto": "https" });
    const prefixed = await me({ cookie: `${SECURE_SESSION_COOKIE_NAME}=${token}`, "x-forwarded-proto": "https" });

    expect(plain.status).toBe(401);
    expect(prefixed.status).toBe(200);
  });

  it("accepts a same-origin cookie mutation", async () => {
    const token = await signIn("cookie-same@example.com");

    const response = await logout({ cookie: `${SESSION_COOKIE_NAME}=${token}`, origin: `http://${host}`, "sec-fetch-site": "same-origin" });

    expect(response.status).toBe(200);
    expect(await auth.validate(token)).toBeNull();
  });

  it.each([
    ["another origin", { origin: "http://evil.example", "sec-fetch-site": "cross-site" }, "cross-site"],
    ["a sibling subdomain", { origin: "http://app.evil.localhost", "sec-fetch-site": "same-site" }, "same-site"],
    ["a foreign Origin without Sec-Fetch-Site", { origin: "http://evil.example" }, "http://evil.example"],
    ["an opaque Origin", { origin: "null" }, "not a valid origin"],
    ["no Origin and no Sec-Fetch-Site", {}, "neither an Origin"],
  ])("rejects a cookie mutation from %s with 403", async (_case, headers: Record<string, string>, reason) => {
    const token = await signIn(`cookie-${Math.random().toString(36).slice(2)}@example.com`);

    const response = await logout({ cookie: `${SESSION_COOKIE_NAME}=${token}`, ...headers });

    expect(response.status).toBe(403);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.data.code).toBe("FORBIDDEN");
    expect(body.error.message).toContain("Cross-site request rejected");
    expect(body.error.message).toContain(reason);
    expect(await auth.validate(token)).not.toBeNull();
  });

  it("exempts Bearer requests from the origin check", async () => {
    const token = await signIn("bearer-cross@example.com");

    const response = await logout({ authorization: `Bearer ${token}`, origin: "http://evil.example", "sec-fetch-site": "cross-site" });

    expect(response.status).toBe(200);
    expect(await auth.validate(token)).toBeNull();
  });
});
