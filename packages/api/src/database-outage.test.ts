/**
 * Behaviour while PostgreSQL is down, against a private server on a free port
 * that this test starts and stops (never the shared server). PGlite runs in
 * the app's own process and cannot go down on its own, so this file covers
 * PostgreSQL only.
 */
import { createServer, type Socket } from "node:net";
import { createAuthService, openDatabase, type AuthService, type DatabaseHandle } from "@gatehouse/auth";
import { queryRows, startThrowawayPostgres, type ThrowawayPostgres } from "@gatehouse/auth/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_UNAVAILABLE_MESSAGE } from "./errors";
import { createTrpcHandler } from "./fetch-handler";
import { createCapturedLogger } from "./test-logger";
import { serveFetchHandler, type RunningServer } from "./test-server";

const PASSWORD = "correct horse battery staple";
/** Maximum time a response may take while the database is down ("within a couple of seconds"). */
const MAX_OUTAGE_ANSWER_MS = 3000;

interface Answer {
  status: number;
  body: { error?: { message: string; data: { code: string } }; result?: { data: Record<string, unknown> } };
  elapsedMs: number;
}

describe("database outage on PostgreSQL", () => {
  let postgres: ThrowawayPostgres;
  let database: DatabaseHandle;
  let auth: AuthService;
  let server: RunningServer;
  const { logger, lines: logLines } = createCapturedLogger("info");

  const call = async (path: string, init: { body?: unknown; token?: string } = {}): Promise<Answer> => {
    const started = performance.now();
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const response = await fetch(`${server.url}/api/trpc/${path}`, {
      method: path === "auth.me" ? "GET" : "POST",
      headers: path === "auth.me" ? { authorization: headers.authorization ?? "" } : headers,
      body: path === "auth.me" ? undefined : JSON.stringify(init.body ?? {}),
    });
    const body = (await response.json()) as Answer["body"];
    return { status: response.status, body, elapsedMs: performance.now() - started };
  };

  const countUsers = async (): Promise<number> => {
    const rows = await queryRows<{ count: string | number }>(database.db, sql`select count(*) as count from users`);
    return Number(rows[0]?.count);
  };

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    database = await openDatabase({ url: postgres.url });
    auth = createAuthService({ db: database.db, bcryptCost: 4 });
    server = await serveFetchHandler(createTrpcHandler({ auth, logger, endpoint: "/api/trpc" }));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await database?.close();
    await postgres?.destroy();
  }, 60_000);

  it("answers 503 quickly, then recovers by itself", { timeout: 120_000 }, async () => {
    const registered = await call("auth.register", { body: { email: "before@example.com", password: PASSWORD } });
    expect(registered.status).toBe(200);
    const token = (registered.body.result?.data.accessToken ?? "") as string;
    const usersBefore = await countUsers();

    await postgres.stop();
    try {
      const attempts: Array<[string, { body?: unknown; token?: string }]> = [
        ["auth.register", { body: { email: "during@example.com", password: PASSWORD } }],
        ["auth.login", { body: { email: "before@example.com", password: PASSWORD } }],
        ["auth.me", { token }],
        ["auth.logout", { token }],
        ["auth.register", { body: { email: "during2@example.com", password: PASSWORD } }],
      ];
      for (const [path, init] of attempts) {
        const answer = await call(path, init);
        expect(answer.status, path).toBe(503);
        expect(answer.body.error?.data.code, path).toBe("SERVICE_UNAVAILABLE");
        expect(answer.body.error?.message, path).toBe(SERVICE_UNAVAILABLE_MESSAGE);
        expect(answer.elapsedMs, path).toBeLessThan(MAX_OUTAGE_ANSWER_MS);
      }
    } finally {
      await postgres.start();
    }

    // The pool reconnects on the next query; no restart of the app is needed.
    const me = await call("auth.me", { token });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body.result?.data.email).toBe("before@example.com");
    const login = await call("auth.login", { body: { email: "before@example.com", password: PASSWORD } });
    expect(login.status).toBe(200);

    // Nothing from the outage was written: no user without a token, no stray account.
    expect(await countUsers()).toBe(usersBefore);
    const during = await call("auth.register", { body: { email: "during@example.com", password: PASSWORD } });
    expect(during.status).toBe(200);
    const orphans = await queryRows(
      database.db,
      sql`select u.id from users u left join access_tokens t on t.user_id = u.id where t.user_id is null`,
    );
    expect(orphans).toEqual([]);
  });

  it("answers 503 quickly when the server accepts but never replies", { timeout: 120_000 }, async () => {
    const registered = await call("auth.register", { body: { email: "hung@example.com", password: PASSWORD } });
    const token = (registered.body.result?.data.accessToken ?? "") as string;
    await postgres.stop();

    // A listener that accepts connections and never replies, as a hung server or
    // a half-open network path does. Only client-side timeouts end the wait.
    const sockets = new Set<Socket>();
    const blackHole = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => blackHole.listen(postgres.port, "127.0.0.1", resolve));
    try {
      for (const [path, init] of [
        ["auth.me", { token }],
        ["auth.login", { body: { email: "hung@example.com", password: PASSWORD } }],
      ] as const) {
        const answer = await call(path, init);
        expect(answer.status, path).toBe(503);
        expect(answer.body.error?.message, path).toBe(SERVICE_UNAVAILABLE_MESSAGE);
        expect(answer.elapsedMs, path).toBeLessThan(MAX_OUTAGE_ANSWER_MS);
      }
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => blackHole.close(() => resolve()));
      await postgres.start();
    }

    expect((await call("auth.me", { token })).status).toBe(200);
  });

  it("logs the outage without secrets", () => {
    const text = logLines.join("");
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/\$2[aby]\$/);
  });
});
