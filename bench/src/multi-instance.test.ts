import { createTestDatabase, type TestDatabase } from "@gatehouse/auth/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNextServer, type NextServer } from "./next-server.js";

// Two production servers (`next start`) share one PostgreSQL database. PGlite
// is not part of this test because one process at a time may open its folder.
const PORTS = [3410, 3411] as const;
const PASSWORD = "correct horse battery staple";

interface TrpcResponse {
  status: number;
  body: { result?: { data: Record<string, unknown> }; error?: { message: string } };
}

async function call(server: NextServer, path: string, options: { token?: string; input?: unknown } = {}): Promise<TrpcResponse> {
  const isMutation = options.input !== undefined || path === "auth.logout";
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${server.url}/api/trpc/${path}`, {
    method: isMutation ? "POST" : "GET",
    headers,
    body: isMutation ? JSON.stringify(options.input ?? {}) : undefined,
  });
  return { status: response.status, body: (await response.json()) as TrpcResponse["body"] };
}

function accessTokenOf(response: TrpcResponse): string {
  const token = response.body.result?.data.accessToken;
  if (typeof token !== "string") throw new Error(`expected an access token, got ${JSON.stringify(response.body)}`);
  return token;
}

describe("two next start instances on one PostgreSQL database", () => {
  let database: TestDatabase;
  let first: NextServer;
  let second: NextServer;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    const url = database.url as string;
    // Both start at once, so both run the migration step against the same database.
    const start = (port: number): Promise<NextServer> =>
      startNextServer({ port, databaseUrl: url, bcryptCost: 4, env: { GATEHOUSE_HASH_THREADS: "1" } });
    [first, second] = await Promise.all([start(PORTS[0]), start(PORTS[1])]);
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await database?.close();
  });

  it("accepts a token issued by the other instance", async () => {
    const registered = await call(first, "auth.register", { input: { email: "both@example.com", password: PASSWORD } });
    expect(registered.status).toBe(200);

    const me = await call(second, "auth.me", { token: accessTokenOf(registered) });
    expect(me.status).toBe(200);
    expect(me.body.result?.data.email).toBe("both@example.com");

    const login = await call(second, "auth.login", { input: { email: "both@example.com", password: PASSWORD } });
    expect(login.status).toBe(200);
    expect((await call(first, "auth.me", { token: accessTokenOf(login) })).status).toBe(200);
  });

  it("applies a logout on one instance to the other at once", async () => {
    await call(first, "auth.register", { input: { email: "logout@example.com", password: PASSWORD } });
    const otherToken = accessTokenOf(await call(first, "auth.login", { input: { email: "logout@example.com", password: PASSWORD } }));
    const revoked = accessTokenOf(await call(second, "auth.login", { input: { email: "logout@example.com", password: PASSWORD } }));
    expect((await call(first, "auth.me", { token: revoked })).status).toBe(200);

    const logout = await call(second, "auth.logout", { token: revoked });
    expect(logout.status).toBe(200);

    // The very next request, on the other instance, is rejected: no cache sits between the token and the database.
    const afterLogout = await call(first, "auth.me", { token: revoked });
    expect(afterLogout.status).toBe(401);
    expect(afterLogout.body.error?.message).toContain("invalid or has expired");
    expect((await call(second, "auth.me", { token: revoked })).status).toBe(401);

    expect((await call(first, "auth.me", { token: otherToken })).status).toBe(200);
    expect((await call(second, "auth.me", { token: otherToken })).status).toBe(200);
  });

  it("rejects a wrong password on both instances", async () => {
    await call(second, "auth.register", { input: { email: "wrong@example.com", password: PASSWORD } });
    for (const server of [first, second]) {
      const login = await call(server, "auth.login", { input: { email: "wrong@example.com", password: `${PASSWORD}!` } });
      expect(login.status).toBe(401);
    }
  });
});
