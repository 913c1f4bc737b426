import { hashAccessToken } from "@gatehouse/auth";
import { testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE } from "./limits";
import type { AppRouter } from "./root";
import { createCapturedLogger } from "./test-logger";
import { startTestApi } from "./test-api";
import type { RunningServer } from "./test-server";

const PASSWORD = "correct horse battery staple";

interface ErrorBody {
  error: { message: string; code: number; data: Record<string, unknown> };
}

describe.each(testDrivers())("tRPC over HTTP on %s", (driver) => {
  let database: TestDatabase;
  let server: RunningServer;
  const { logger, lines: logLines } = createCapturedLogger("debug");

  const url = (path: string) => `${server.url}/api/trpc/${path}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url(path), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    ({ database, server } = await startTestApi(driver, logger));
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("runs the curl flow with plain requests", async () => {
    const register = await post("auth.register", { email: "curl@example.com", password: PASSWORD });
    expect(register.status).toBe(200);

    const login = await post("auth.login", { email: "curl@example.com", password: PASSWORD });
    expect(login.status).toBe(200);
    const { result } = (await login.json()) as { result: { data: { accessToken: string } } };
    const bearer = { authorization: `Bearer ${result.data.accessToken}` };

    const me = await fetch(url("auth.me"), { headers: bearer });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { result: { data: { email: string } } }).result.data.email).toBe("curl@example.com");

    expect((await post("auth.logout", undefined, bearer)).status).toBe(200);
    const after = await fetch(url("auth.me"), { headers: bearer });
    expect(after.status).toBe(401);
  });

  it("sends no-store on every response", async () => {
    const register = await post("auth.register", { email: "no-store@example.com", password: PASSWORD });
    const { result } = (await register.clone().json()) as { result: { data: { accessToken: string } } };
    const bearer = { authorization: `Bearer ${result.data.accessToken}` };
    const responses = [
      register,
      await post("auth.login", { email: "no-store@example.com", password: PASSWORD }),
      await fetch(url("auth.me"), { headers: bearer }),
      await fetch(url("auth.sessions.list"), { headers: bearer }),
      await fetch(url("auth.me")),
      await post("auth.register", { email: 1 }),
    ];

    for (const response of responses) {
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("works with the typed tRPC client", async () => {
    const session: { token?: string } = {};
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${server.url}/api/trpc`,
          maxItems: MAX_BATCH_SIZE,
          headers: () => (session.token ? { authorization: `Bearer ${session.token}` } : {}),
        }),
      ],
    });
    const registered = await client.auth.register.mutate({ email: "typed@example.com", password: PASSWORD });
    session.token = registered.accessToken;
    expect((await client.auth.me.query()).id).toBe(registered.user.id);

    const error = await client.auth.login.mutate({ email: "typed@example.com", password: "not the password" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
  });

  it("gives one user and 19 conflicts for 20 concurrent registrations", async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post("auth.register", { email: "burst@example.com", password: PASSWORD })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  });

  it("rejects bad input with 400 and the field", async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ email: "x", password: PASSWORD }, "email", "name@example.com"],
      [{ email: "ok@example.com" }, "password", "password is required"],
      [{ email: 42, password: PASSWORD }, "email", "email must be a string"],
      [{ email: "ok@example.com", password: PASSWORD, admin: true }, "", 'Unknown field "admin"'],
      [{ email: "ok@example.com", password: "p".repeat(100_000) }, "password", "at most 256"],
      ["not json at all", "", ""],
      [[1, 2, 3], "", "JSON object"],
    ];
    for (const [body, field, text] of cases) {
      const response = await post("auth.register", body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const json = (await response.json()) as ErrorBody;
      expect(json.error.message).toContain(text);
      if (field) expect(json.error.data.field).toBe(field);
      expect(JSON.stringify(json)).not.toContain("stack");
    }
  });

  it("rejects a batch over the maximum size", async () => {
    const paths = Array.from({ length: MAX_BATCH_SIZE + 1 }, () => "auth.me").join(",");
    const response = await fetch(url(`${paths}?batch=1&input=${encodeURIComponent("{}")}`));
    expect(response.status).toBe(400);
    const within = Array.from({ length: MAX_BATCH_SIZE }, () => "auth.me").join(",");
    const ok = await fetch(url(`${within}?batch=1&input=${encodeURIComponent("{}")}`));
    expect(ok.status).toBe(401);
  });

  it("hides SQL and stacks of unexpected errors and logs an id", async () => {
    const registered = await post("auth.register", { email: "broken@example.com", password: PASSWORD });
    const { result } = (await registered.json()) as { result: { data: { accessToken: string } } };
    await database.db.execute("alter table access_tokens rename to access_tokens_moved");
    try {
      const response = await fetch(url("auth.me"), { headers: { authorization: `Bearer ${result.data.accessToken}` } });
      expect(response.status).toBe(500);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.message).toMatch(/report error id [0-9a-f-]{36}/);
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/select|access_tokens|stack/i);
      const errorId = body.error.data.errorId as string;
      const logged = logLines.find((line) => line.includes(errorId));
      expect(logged).toBeDefined();
      expect(logged).not.toContain(hashAccessToken(result.data.accessToken));
      expect(logged).not.toMatch(/select /i);
    } finally {
      await database.db.execute("alter table access_tokens_moved rename to access_tokens");
    }
  });

  it("writes no password, token or hash to the logs", async () => {
    const response = await post("auth.register", { email: "secret@example.com", password: PASSWORD });
    const { result } = (await response.json()) as { result: { data: { accessToken: string } } };
    await post("auth.login", { email: "secret@example.com", password: "wrong password!" });
    const all = logLines.join("");
    expect(all).toContain("user registered");
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(result.data.accessToken);
    expect(all).not.toContain(hashAccessToken(result.data.accessToken));
    expect(all).not.toMatch(/\$2[aby]\$/);
  });
});
