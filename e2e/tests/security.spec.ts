import { expect, test } from "@playwright/test";
import { fillCredentials, PASSWORD, registerAndSignOut, registerThroughForm, TOKEN_COOKIE, uniqueEmail } from "./accounts";

test.describe("session cookie", () => {
  test("token cookie is HttpOnly and hidden from scripts", async ({ page, context }) => {
    await registerThroughForm(page, uniqueEmail("cookie"));

    const cookie = (await context.cookies()).find((candidate) => candidate.name === TOKEN_COOKIE);
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.path).toBe("/");
    // The default token lifetime is 24 hours; the cookie lasts as long.
    const lifetimeSeconds = (cookie?.expires ?? 0) - Date.now() / 1000;
    expect(lifetimeSeconds).toBeGreaterThan(24 * 3600 - 120);
    expect(lifetimeSeconds).toBeLessThanOrEqual(24 * 3600);

    const scriptCookies = await page.evaluate(() => document.cookie);
    expect(scriptCookies).not.toContain(TOKEN_COOKIE);
    expect(scriptCookies).not.toContain(cookie?.value ?? "(missing)");
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(storage).not.toContain(cookie?.value ?? "(missing)");
  });

  test("sign-out clears the cookie and revokes the token", async ({ page, context }) => {
    await registerThroughForm(page, uniqueEmail("signout"));
    const token = (await context.cookies()).find((candidate) => candidate.name === TOKEN_COOKIE)?.value ?? "";

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    expect((await context.cookies()).some((candidate) => candidate.name === TOKEN_COOKIE)).toBe(false);
    const me = await page.request.get("/api/trpc/auth.me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(401);
  });
});

test.describe("session cookie over https", () => {
  test("uses __Host- prefix and Secure", async ({ page, context }) => {
    // A TLS-terminating proxy in front of the app sets this header.
    await context.setExtraHTTPHeaders({ "x-forwarded-proto": "https" });

    await registerThroughForm(page, uniqueEmail("https"));

    const cookies = await context.cookies();
    const cookie = cookies.find((candidate) => candidate.name === `__Host-${TOKEN_COOKIE}`);
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.path).toBe("/");
    expect(cookies.some((candidate) => candidate.name === TOKEN_COOKIE)).toBe(false);

    await page.reload();
    await expect(page.getByTestId("account-email")).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await context.cookies()).some((candidate) => candidate.name === `__Host-${TOKEN_COOKIE}`)).toBe(false);
  });
});

test.describe("cross-site request forgery", () => {
  test("cookie mutation from another origin gets 403", async ({ page }) => {
    await registerThroughForm(page, uniqueEmail("csrf"));

    // page.request sends the browser context's cookies, like a forged form post would.
    const response = await page.request.post("/api/trpc/auth.logout", {
      headers: { "content-type": "application/json", origin: "http://evil.example", "sec-fetch-site": "cross-site" },
    });

    expect(response.status()).toBe(403);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain("Cross-site request rejected");
    await page.reload();
    await expect(page).toHaveURL(/\/account$/);
  });

  test("cookie mutation from this origin succeeds", async ({ page }) => {
    await registerThroughForm(page, uniqueEmail("same-origin"));

    const status = await page.evaluate(async () => {
      const response = await fetch("/api/trpc/auth.logout", { method: "POST", headers: { "content-type": "application/json" } });
      return response.status;
    });

    expect(status).toBe(200);
    await page.reload();
    await expect(page).toHaveURL(/\/login\?next=%2Faccount&reason=expired$/);
  });

  test.describe("from a page without CSP", () => {
    // The other site is this app under another host name, and its CSP
    // (connect-src 'self') would block the request before it reached the
    // server's CSRF check. An attacker's own page sends no such policy.
    test.use({ bypassCSP: true });

    test("page on another site cannot sign the user out", async ({ page, baseURL }) => {
      await registerThroughForm(page, uniqueEmail("cross-site"));
      const target = new URL("/api/trpc/auth.logout", baseURL).toString();
      const otherSite = (baseURL ?? "").replace("localhost", "127.0.0.1");

      // 127.0.0.1 and localhost are different sites, so this is a real cross-site request from Chromium.
      await page.goto(`${otherSite}/login`);
      await page.evaluate(async (url) => {
        await fetch(url, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" } });
      }, target);

      await page.goto("/account");
      await expect(page).toHaveURL(/\/account$/);
    });
  });
});

test.describe("open redirect", () => {
  for (const next of ["//evil.example", "/\\evil.example", "https://evil.example/", "/\t/evil.example"]) {
    test(`next=${JSON.stringify(next)} is not followed`, async ({ page }) => {
      const email = uniqueEmail("redirect");
      await registerAndSignOut(page, email);

      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await fillCredentials(page, email, PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();

      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/account$/);
    });
  }
});
