import { expect, test } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./accounts";
import { nonceOf, watchCspViolations } from "./csp-violations";

const COMMON_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
};

test.describe("security headers", () => {
  test("sign-in page sends CSP and no-store", async ({ page }) => {
    const response = await page.request.get("/login");

    expect(response.status()).toBe(200);
    const headers = response.headers();
    for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(headers[name], name).toBe(value);
    const policy = headers["content-security-policy"] ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'(;|$)/);
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  test("API and token responses send no-store", async ({ page }) => {
    const me = await page.request.get("/api/trpc/auth.me");
    expect(me.status()).toBe(401);
    const token = await page.request.post("/token", { form: { grant_type: "password", username: "nobody@example.com", password: "x" } });
    expect(token.status()).toBe(400);

    for (const response of [me, token]) {
      const headers = response.headers();
      for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(headers[name], `${response.url()} ${name}`).toBe(value);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  });

  test("HSTS only behind an https proxy", async ({ page }) => {
    const response = await page.request.get("/login", { headers: { "x-forwarded-proto": "https" } });

    expect(response.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  test("nonce changes per request and marks the scripts", async ({ page }) => {
    const nonces: string[] = [];
    for (let request = 0; request < 3; request++) {
      const response = await page.request.get("/login");
      const nonce = nonceOf(response.headers()["content-security-policy"]);
      expect(nonce).not.toBeNull();
      nonces.push(nonce ?? "");

      const html = await response.text();
      const scriptNonces = [...html.matchAll(/<script\b[^>]*\bnonce="([^"]*)"/g)].map((match) => match[1]);
      expect(scriptNonces.length).toBeGreaterThan(0);
      expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
      expect([...html.matchAll(/<script\b(?![^>]*\bnonce=)[^>]*>/g)]).toEqual([]);
    }

    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

test.describe("content security policy in the browser", () => {
  test("sign-in, register and account pages run without violations", async ({ page }) => {
    const violations = await watchCspViolations(page);

    await page.goto("/login");
    // The toggle appears only after hydration, so it proves the page's scripts ran.
    await page.getByRole("button", { name: "Show password" }).click();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "text");
    expect(await violations()).toEqual([]);

    await page.goto("/register");
    await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();
    // Typing loads the strength check's chunk, a script that 'strict-dynamic' must allow.
    await page.getByLabel("Password", { exact: true }).fill("password123");
    await expect(page.getByTestId("password-strength")).toContainText("Strength:");
    expect(await violations()).toEqual([]);

    await registerThroughForm(page, uniqueEmail("csp"));
    await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();
    expect(await violations()).toEqual([]);

    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test("injected inline script is blocked", async ({ page }) => {
    const violations = await watchCspViolations(page);
    // Serve the real page with an inline script that lacks the nonce, as a
    // stored HTML injection would add it, and keep the server's headers.
    await page.route("**/login", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace("</body>", "<script>document.body.dataset.injected = 'ran'</script></body>");
      await route.fulfill({ response, body: html });
    });

    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();

    await expect.poll(violations).toContainEqual(expect.stringContaining("script-src"));
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
  });
});
