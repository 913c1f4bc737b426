/**
 * Runs every kind of request, including throttled attempts and unexpected
 * errors whose SQL parameters hold hashes, with the logger at its most
 * verbose level, and checks that no password, token or hash reaches the log.
 */
import { hashAccessToken, prehash } from "@gatehouse/auth";
import { queryRows, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCapturedLogger } from "./test-logger";
import { startTestApi } from "./test-api";
import type { RunningServer } from "./test-server";

const EMAIL = "secretive@example.com";
const PASSWORD = "violet submarine 42 orchard";
const WRONG_PASSWORDS = Array.from({ length: 7 }, (_, index) => `wrong guess number ${index}`);
const NEW_USER_PASSWORD = "amber lighthouse 77 quartz";

describe.each(testDrivers())("secrets in logs on %s", (driver) => {
  let database: TestDatabase;
  let server: RunningServer;
  const { logger, lines: logLines } = createCapturedLogger("trace");

  const post = async (path: string, body?: unknown, token?: string): Promise<{ status: number; json: Record<string, unknown> }> => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${server.url}/api/trpc/${path}`, {
      method: "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    ({ database, server } = await startTestApi(driver, logger));
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("keeps passwords, tokens and hashes out of the log", async () => {
    const tokens: string[] = [];
    const statuses: number[] = [];
    const tokenOf = (json: Record<string, unknown>): string =>
      ((json.result as { data: { accessToken: string } }).data.accessToken);

    const registered = await post("auth.register", { email: EMAIL, password: PASSWORD });
    statuses.push(registered.status);
    tokens.push(tokenOf(registered.json));

    statuses.push((await post("auth.login", { email: EMAIL, password: WRONG_PASSWORDS[0] })).status);
    const login = await post("auth.login", { email: EMAIL, password: PASSWORD });
    statuses.push(login.status);
    tokens.push(tokenOf(login.json));

    const me = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { authorization: `Bearer ${tokens[1]}` } });
    statuses.push(me.status);
    statuses.push((await post("auth.logout", undefined, tokens[1])).status);
    const afterLogout = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { authorization: `Bearer ${tokens[1]}` } });
    statuses.push(afterLogout.status);

    for (const wrong of WRONG_PASSWORDS) {
      statuses.push((await post("auth.login", { email: EMAIL, password: wrong })).status);
    }

    // Unexpected errors: the failed INSERT carries the new bcrypt hash as a parameter,
    // and the failed token lookup carries the token's SHA-256.
    await database.db.execute(sql`alter table users rename to users_moved`);
    try {
      statuses.push((await post("auth.register", { email: "second@example.com", password: NEW_USER_PASSWORD })).status);
    } finally {
      await database.db.execute(sql`alter table users_moved rename to users`);
    }
    await database.db.execute(sql`alter table access_tokens rename to access_tokens_moved`);
    try {
      const broken = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { authorization: `Bearer ${tokens[0]}` } });
      statuses.push(broken.status);
    } finally {
      await database.db.execute(sql`alter table access_tokens_moved rename to access_tokens`);
    }

    expect(statuses).toEqual([200, 401, 200, 200, 200, 401, 401, 401, 401, 401, 401, 429, 429, 500, 500]);

    const log = logLines.join("");
    expect(log).toContain("unexpected error in procedure");
    const [stored] = await queryRows<{ password_hash: string }>(database.db, sql`select password_hash from users where email = ${EMAIL}`);
    const secrets: Array<[string, string]> = [
      ["password", PASSWORD],
      ["new user's password", NEW_USER_PASSWORD],
      ["bcrypt input of the password", prehash(PASSWORD)],
      ["stored bcrypt hash", stored?.password_hash ?? "(missing)"],
      ...WRONG_PASSWORDS.map((wrong, index): [string, string] => [`wrong password ${index}`, wrong]),
      ...tokens.map((token, index): [string, string] => [`token ${index}`, token]),
      ...tokens.map((token, index): [string, string] => [`token hash ${index}`, hashAccessToken(token)]),
    ];
    for (const [name, secret] of secrets) {
      expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    }
    expect(log).not.toMatch(/\$2[aby]\$\d\d\$/);
    expect(log).not.toMatch(/\binsert into\b|\bselect\b.+\bfrom\b/i);
  });
});
