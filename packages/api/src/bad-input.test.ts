/**
 * Property-based checks of the HTTP API with hostile input. Every response is
 * a client error with a clear message, never a 5xx, a stack trace or SQL, and
 * the server keeps serving afterwards. Runs are bounded so the file takes
 * well under a minute.
 */
import type { AuthService } from "@gatehouse/auth";
import { testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./request-guard";
import { createCapturedLogger } from "./test-logger";
import { startTestApi } from "./test-api";
import type { RunningServer } from "./test-server";

const PROCEDURES = ["auth.register", "auth.login", "auth.me", "auth.logout"] as const;
const NUM_RUNS = 100;
const LEAK_PATTERNS = [/\bstack\b/i, /\bselect\b.+\bfrom\b/i, /\binsert into\b/i, /\bdelete from\b/i, /\bat .+\.[cm]?[jt]s:\d+/, /\$2[aby]\$/];

/**
 * Runs a property and, on failure, reports the first 300 characters of the
 * shrunk counterexample: a full one can be a body of 200 kB.
 */
async function checkProperty<T>(property: fc.IAsyncProperty<T>, numRuns: number): Promise<void> {
  const details = await fc.check(property, { numRuns });
  if (!details.failed) return;
  const example = JSON.stringify(details.counterexample ?? null).slice(0, 300);
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`property failed (seed ${details.seed}, path ${String(details.counterexamplePath)}): ${cause.slice(0, 500)}\ncounterexample: ${example}`);
}

interface Probe {
  path: string;
  method: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | undefined;
}

const controlCharacters = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) });
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), controlCharacters, fc.string({ minLength: 2000, maxLength: 5000 }));
const fieldValue = fc.oneof(anyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.dictionary(fc.string(), fc.string()));
const credentialsLike = fc.record(
  { email: fieldValue, password: fieldValue, extra: fieldValue },
  { requiredKeys: [] },
);

const jsonBody = fc.oneof(credentialsLike, fc.jsonValue()).map((value) => JSON.stringify(value) ?? "null");
const invalidUtf8Body = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.uint8Array({ minLength: 1, maxLength: 40 }))
  .map(([email, password]) => {
    const prefix = new TextEncoder().encode('{"email":"');
    const middle = new TextEncoder().encode('@example.com","password":"');
    const suffix = new TextEncoder().encode('"}');
    // 0xC0 and 0xFF never occur in UTF-8, so every body here is invalid UTF-8.
    return Uint8Array.from([...prefix, 0xc0, ...email, ...middle, 0xff, ...password, ...suffix]);
  });
const deepBody = fc
  .tuple(fc.integer({ min: 100, max: 40_000 }), fc.constantFrom(["[", "]"], ['{"a":', "}"]))
  .map(([depth, [open, close]]) => `${open.repeat(depth)}1${close.repeat(depth)}`);
const anyBody = fc.oneof(jsonBody, invalidUtf8Body, deepBody, fc.string(), fc.uint8Array({ maxLength: 200 }), fc.constant(undefined));

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/octet-stream",
  "application/jsonl",
  "",
);

const searchParams = fc.oneof(
  fc.constant(""),
  fc.constant("?batch=1"),
  fc.string().map((input) => `?input=${encodeURIComponent(input)}`),
  jsonBody.map((input) => `?batch=1&input=${encodeURIComponent(input)}`),
  fc.string().map((raw) => `?${raw.replace(/#/g, "")}`),
);

const batchPath = fc
  .array(fc.oneof(fc.constantFrom(...PROCEDURES), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 12 })
  .map((paths) => paths.map((path) => encodeURIComponent(path)).join(","));

const probe: fc.Arbitrary<Probe> = fc
  .record({
    path: fc.oneof(fc.constantFrom(...PROCEDURES), batchPath, fc.string().map(encodeURIComponent), fc.constant("%E0%A4%A")),
    query: searchParams,
    method: fc.constantFrom("GET", "HEAD", "POST", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
    contentType,
    authorization: fc.option(fc.oneof(fc.string(), fc.string().map((token) => `Bearer ${token}`)), { nil: undefined }),
    body: anyBody,
  })
  .map(({ path, query, method, contentType: type, authorization, body }) => {
    const headers: Record<string, string> = {};
    if (type) headers["content-type"] = type;
    // Header values cannot carry control characters or non-Latin-1 text.
    if (authorization) headers.authorization = authorization.replace(/[^\x20-\x7e]/g, "");
    const sendsBody = method !== "GET" && method !== "HEAD";
    return { path: `${path}${query}`, method, headers, body: sendsBody ? body : undefined };
  });

describe.each(testDrivers())("hostile HTTP input on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let server: RunningServer;
  const { logger, lines: logLines } = createCapturedLogger("info");

  const send = async (request: Probe): Promise<{ status: number; text: string }> => {
    const response = await fetch(`${server.url}/api/trpc/${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    return { status: response.status, text: await response.text() };
  };

  /** Checks one response and returns a description of what is wrong with it, or null. */
  const problemWith = (request: Probe, answer: { status: number; text: string }): string | null => {
    if (answer.status >= 500) return `status ${answer.status}`;
    if (answer.status < 400) return null;
    for (const pattern of LEAK_PATTERNS) {
      if (pattern.test(answer.text)) return `body matches ${String(pattern)}`;
    }
    if (request.method === "HEAD") return null;

    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.text);
    } catch {
      return "body is not JSON";
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    for (const item of items as Array<{ error?: { message?: unknown; data?: { httpStatus?: unknown } }; result?: unknown }>) {
      if (item.result !== undefined) continue;
      if (typeof item.error?.message !== "string" || item.error.message.length < 10) return "error without a message";
      if (typeof item.error.data?.httpStatus !== "number" || item.error.data.httpStatus >= 500) {
        return `error item with status ${String(item.error.data?.httpStatus)}`;
      }
    }
    return null;
  };

  beforeAll(async () => {
    ({ database, auth, server } = await startTestApi(driver, logger));
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("answers random requests with client errors", { timeout: 60_000 }, async () => {
    await checkProperty(
      fc.asyncProperty(probe, async (request) => {
        const problem = problemWith(request, await send(request));
        expect(problem, `${request.method} ${request.path.slice(0, 200)}`).toBeNull();
      }),
      NUM_RUNS * 2,
    );
  });

  it("answers hostile credentials with 400 naming a field", async () => {
    await checkProperty(
      fc.asyncProperty(fc.constantFrom("auth.register", "auth.login"), credentialsLike, async (path, input) => {
        const answer = await send({ path, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
        expect(problemWith({ path, method: "POST" }, answer)).toBeNull();
        // A random pair can be well formed. Then login returns 401 (or 429) and register may succeed.
        if (answer.status !== 400) return;
        const body = JSON.parse(answer.text) as { error: { data: { field?: string; fieldErrors?: Record<string, string[]> } } };
        const named = body.error.data.field ?? Object.keys(body.error.data.fieldErrors ?? {})[0];
        expect(["email", "password", "input"]).toContain(named);
      }),
      NUM_RUNS,
    );
  });

  it("answers invalid UTF-8 and deep JSON with 400", async () => {
    await checkProperty(
      fc.asyncProperty(fc.oneof(invalidUtf8Body, deepBody), async (body) => {
        const answer = await send({ path: "auth.register", method: "POST", headers: { "content-type": "application/json" }, body });
        // The deepest bodies pass the size limit first and get 413.
        expect([400, 413]).toContain(answer.status);
        expect(problemWith({ path: "auth.register", method: "POST" }, answer)).toBeNull();
      }),
      NUM_RUNS / 2,
    );
  });

  it("rejects known bad requests with the fix", async () => {
    const json = { "content-type": "application/json" };
    const cases: Array<[Probe, number, string]> = [
      [{ path: "auth.register", method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x--" }, 415, "Content-Type: application/json"],
      [{ path: "auth.register", method: "POST", headers: { "content-type": "application/octet-stream" }, body: "xx" }, 415, "Content-Type: application/json"],
      [{ path: "auth.register", method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }, 415, "not supported"],
      [{ path: "auth.register", method: "PUT", headers: json, body: "{}" }, 405, "use GET for queries and POST for mutations"],
      [{ path: "auth.register", method: "DELETE" }, 405, "Method DELETE is not allowed"],
      [{ path: "auth.register", method: "GET" }, 405, "mutation"],
      [{ path: "auth.register", method: "POST", headers: json, body: '{"email":"a@example.com","password":"secret pass' }, 400, "not valid JSON"],
      [{ path: "auth.register", method: "POST", headers: json, body: "x".repeat(MAX_BODY_BYTES + 1) }, 413, `at most ${MAX_BODY_BYTES} bytes`],
      [{ path: "auth.nothing", method: "POST", headers: json, body: "{}" }, 404, "No procedure found"],
      [{ path: "%E0%A4%A", method: "GET" }, 400, "URL-encoding"],
    ];
    for (const [request, status, text] of cases) {
      const answer = await send(request);
      expect(answer.status, `${request.method} ${request.path} ${JSON.stringify(request.headers)}`).toBe(status);
      expect(answer.text).toContain(text);
      // V8's JSON.parse message would quote the body, password included.
      expect(answer.text).not.toContain("secret pass");
    }
  });

  it("serves a mutation without input sent with no body", async () => {
    const { token } = await auth.register({ email: "nobody-body@example.com", password: "correct horse battery staple" });
    // The README's `curl -X POST .../auth.logout` sends no Content-Type and no body.
    const answer = await send({ path: "auth.logout", method: "POST", headers: { authorization: `Bearer ${token.accessToken}` } });
    expect(answer.status).toBe(200);
    expect(await auth.validate(token.accessToken)).toBeNull();
  });

  it("keeps serving and logs no unexpected error", async () => {
    const register = await send({
      path: "auth.register",
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "after-fuzz@example.com", password: "correct horse battery staple" }),
    });
    expect(register.status).toBe(200);
    const { result } = JSON.parse(register.text) as { result: { data: { accessToken: string } } };
    const me = await send({ path: "auth.me", method: "GET", headers: { authorization: `Bearer ${result.data.accessToken}` } });
    expect(me.status).toBe(200);
    expect(logLines.filter((line) => line.includes("unexpected error"))).toEqual([]);
  });
});
