import { expect, test } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./accounts";

test.describe("POST /token on the running app", () => {
  test("issues a token that the API accepts", async ({ request }) => {
    const email = uniqueEmail("token");
    const registered = await request.post("/api/trpc/auth.register", { data: { email, password: PASSWORD } });
    expect(registered.status()).toBe(200);

    const response = await request.post("/token", { form: { grant_type: "password", username: email, password: PASSWORD } });

    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers().pragma).toBe("no-cache");
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe("bearer");
    const me = await request.get("/api/trpc/auth.me", { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(me.status()).toBe(200);
  });

  test("bad credentials get invalid_grant", async ({ request }) => {
    const response = await request.post("/token", {
      form: { grant_type: "password", username: uniqueEmail("nobody"), password: PASSWORD },
    });

    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_grant");
  });

  test("401 carries the Bearer challenge", async ({ request }) => {
    const anonymous = await request.get("/api/trpc/auth.me");
    const badToken = await request.get("/api/trpc/auth.me", { headers: { authorization: `Bearer ${"x".repeat(43)}` } });

    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["www-authenticate"]).toBe("Bearer");
    expect(badToken.status()).toBe(401);
    expect(badToken.headers()["www-authenticate"]).toBe('Bearer error="invalid_token"');
  });
});
