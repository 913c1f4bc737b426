import { createAuthService, type AuthService } from "@gatehouse/auth";
import { createTestDatabase, testDrivers, type TestDatabase } from "@gatehouse/auth/testing";
import { ResourceOwnerPassword } from "simple-oauth2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler } from "./fetch-handler";
import { createLogger } from "./logger";
import { serveFetchHandler, type RunningServer } from "./test-server";
import { createTokenHandler, MAX_TOKEN_REQUEST_BYTES } from "./token-endpoint";

const EMAIL = "oauth@example.com";
const PASSWORD = "correct horse battery staple";

interface TokenBody {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

describe.each(testDrivers())("POST /token on %s", (driver) => {
  let database: TestDatabase;
  let auth: AuthService;
  let server: RunningServer;
  const logger = createLogger({ level: "silent" });

  const postToken = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
    });

  const readBody = async (response: Response) => (await response.json()) as TokenBody;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    auth = createAuthService({ db: database.db, bcryptCost: 4, tokenTtlSeconds: 3600 });
    await auth.register({ email: EMAIL, password: PASSWORD });

    const tokenHandler = createTokenHandler({ auth, logger });
    const trpcHandler = createTrpcHandler({ auth, logger, endpoint: "/api/trpc" });
    server = await serveFetchHandler((request) =>
      new URL(request.url).pathname === "/token" ? tokenHandler(request) : trpcHandler(request),
    );
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("issues a bearer token for valid credentials", async () => {
    const response = await postToken(new URLSearchParams({ grant_type: "password", username: EMAIL, password: PASSWORD }).toString());

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await readBody(response);
    expect(body.token_type).toBe("bearer");
    expect(body.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expires_in).toBeGreaterThanOrEqual(3598);
    expect(body.expires_in).toBeLessThanOrEqual(3600);

    const me = await fetch(`${server.url}/api/trpc/auth.me`, { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.status).toBe(200);
  });

  it("works with simple-oauth2's password grant", async () => {
    const client = new ResourceOwnerPassword({
      client: { id: "gatehouse-test-client", secret: "unused" },
      auth: { tokenHost: server.url, tokenPath: "/token" },
    });

    const accessToken = await client.getToken({ username: EMAIL, password: PASSWORD });

    expect(accessToken.token.token_type).toBe("bearer");
    expect(accessToken.expired()).toBe(false);
    const me = await fetch(`${server.url}/api/trpc/auth.me`, {
      headers: { authorization: `Bearer ${String(accessToken.token.access_token)}` },
    });
    expect(me.status).toBe(200);
  });

  it("rejects a wrong password through simple-oauth2", async () => {
    const client = new ResourceOwnerPassword({
      client: { id: "gatehouse-test-client", secret: "unused" },
      auth: { tokenHost: server.url, tokenPath: "/token" },
      options: { authorizationMethod: "body" },
    });

    const failure = (await client.getToken({ username: EMAIL, password: "wrong password!" }).catch((error: unknown) => error)) as {
      output?: { statusCode: number };
      data?: { payload: TokenBody };
    };

    expect(failure.output?.statusCode).toBe(400);
    expect(failure.data?.payload.error).toBe("invalid_grant");
  });

  it("answers invalid_grant for wrong or unknown credentials", async () => {
    for (const [username, password] of [
      [EMAIL, "wrong password!"],
      ["nobody@example.com", PASSWORD],
    ] as const) {
      const response = await postToken(new URLSearchParams({ grant_type: "password", username, password }).toString());
      expect(response.status).toBe(400);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const body = await readBody(response);
      expect(body.error).toBe("invalid_grant");
      expect(body.error_description).toBe("Email address or password is incorrect.");
    }
  });

  it("answers 429 with Retry-After when throttled", async () => {
    const email = "throttled-oauth@example.com";
    await auth.register({ email, password: PASSWORD });
    const grant = (password: string) => new URLSearchParams({ grant_type: "password", username: email, password }).toString();
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await postToken(grant("wrong password!"))).status).toBe(400);
    }

    const response = await postToken(grant(PASSWORD));

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await readBody(response);
    expect(body.error).toBe("temporarily_unavailable");
    expect(body.error_description).toBe("Too many sign-in attempts. Wait 1 second, then try again.");
    expect(body.access_token).toBeUndefined();

    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await postToken(grant(PASSWORD))).status).toBe(200);
  });

  it("answers unsupported_grant_type for other grants", async () => {
    const response = await postToken("grant_type=client_credentials");

    expect(response.status).toBe(400);
    const body = await readBody(response);
    expect(body.error).toBe("unsupported_grant_type");
    expect(body.error_description).toContain("client_credentials");
  });

  it.each([
    ["no grant_type", `username=${EMAIL}&password=x`, "grant_type"],
    ["no username", "grant_type=password&password=secret123", "username"],
    ["no password", `grant_type=password&username=${EMAIL}`, "password"],
    ["an empty password", `grant_type=password&username=${EMAIL}&password=`, "password"],
    ["a repeated username", `grant_type=password&username=${EMAIL}&username=b@example.com&password=x`, "username"],
    ["a repeated grant_type", `grant_type=password&grant_type=password&username=${EMAIL}&password=x`, "grant_type"],
  ])("answers invalid_request for %s", async (_case, body, parameter) => {
    const response = await postToken(body);

    expect(response.status).toBe(400);
    const parsed = await readBody(response);
    expect(parsed.error).toBe("invalid_request");
    expect(parsed.error_description).toContain(parameter);
  });

  it("answers invalid_request for a JSON body", async () => {
    const response = await postToken(JSON.stringify({ grant_type: "password", username: EMAIL, password: PASSWORD }), {
      "content-type": "application/json",
    });

    expect(response.status).toBe(400);
    const body = await readBody(response);
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toContain("application/x-www-form-urlencoded");
  });

  it("accepts a charset parameter on the content type", async () => {
    const response = await postToken(new URLSearchParams({ grant_type: "password", username: EMAIL, password: PASSWORD }).toString(), {
      "content-type": "application/x-www-form-urlencoded; charset=UTF-8",
    });

    expect(response.status).toBe(200);
  });

  it("answers invalid_request for an oversized body", async () => {
    const response = await postToken(`grant_type=password&username=${EMAIL}&password=${"a".repeat(MAX_TOKEN_REQUEST_BYTES)}`);

    expect(response.status).toBe(400);
    expect((await readBody(response)).error).toBe("invalid_request");
  });

  it("caps a chunked body", async () => {
    const tokenHandler = createTokenHandler({ auth, logger });
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 4096) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://127.0.0.1/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: endless,
      duplex: "half",
    });

    const response = await tokenHandler(request);

    expect(response.status).toBe(400);
    expect((await readBody(response)).error_description).toContain(String(MAX_TOKEN_REQUEST_BYTES));
    expect(pulled).toBeLessThan(8);
  });

  it("answers 405 for GET", async () => {
    const response = await fetch(`${server.url}/token`);

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect((await readBody(response)).error).toBe("invalid_request");
  });
});
