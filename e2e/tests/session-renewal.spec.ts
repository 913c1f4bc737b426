import { readFile } from "node:fs/promises";
import { expect, test, type BrowserContext, type Cookie, type Page } from "@playwright/test";
import postgres from "postgres";
import { registerThroughForm, TOKEN_COOKIE, uniqueEmail } from "./accounts";
import { projectMetadata, type E2eProjectMetadata } from "./project-metadata";

/** Seconds the database and the cookie keep a session that is due for renewal, in the PostgreSQL variant. */
const NEARLY_EXPIRED_SECONDS = 30;

type Activity = (page: Page, baseUrl: string) => Promise<void>;

/** A cookie-authenticated tRPC query from the page, which goes through the route handler. */
const trpcQuery: Activity = async (page) => {
  const status = await page.evaluate(async () => (await fetch("/api/trpc/auth.me")).status);
  expect(status).toBe(200);
};

/**
 * Loads a page. Its server-side session check renews the session, and the
 * page then calls a Server Action that extends the cookie.
 */
const pageVisit: Activity = async (page, baseUrl) => {
  await page.goto(`${baseUrl}/account/sessions`);
  await expect(page.getByTestId("session")).toHaveCount(1);
};

async function readTokenCookie(context: BrowserContext, baseUrl: string): Promise<Cookie | undefined> {
  return (await context.cookies(baseUrl)).find((cookie) => cookie.name === TOKEN_COOKIE);
}

/**
 * PGlite: on the server whose sessions end after a few idle seconds, keeps the
 * page active well past the first deadline and checks the session survived.
 */
async function keepAliveOnShortSessions(page: Page, metadata: Extract<E2eProjectMetadata, { driver: "pglite" }>, activity: Activity) {
  const baseUrl = metadata.shortTtlBaseUrl;
  test.setTimeout(30_000 + metadata.shortTtlSeconds * 3000);
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel("Email address").fill(uniqueEmail("renewal"));
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const first = await readTokenCookie(page.context(), baseUrl);
  expect(first).toBeDefined();

  // Activity every quarter of the idle timeout, for twice the idle timeout.
  const stepMs = (metadata.shortTtlSeconds * 1000) / 4 + 250;
  const endAt = Date.now() + metadata.shortTtlSeconds * 2000;
  while (Date.now() < endAt) {
    await page.waitForTimeout(stepMs);
    await activity(page, baseUrl);
  }
  await page.waitForTimeout(1000);

  const last = await readTokenCookie(page.context(), baseUrl);
  expect(last?.value).toBe(first?.value);
  expect(last?.expires ?? 0).toBeGreaterThan((first?.expires ?? 0) + metadata.shortTtlSeconds);
  await page.goto(`${baseUrl}/account`);
  await expect(page).toHaveURL(/\/account$/);
}

/**
 * PostgreSQL: moves the session's idle deadline (and the cookie's expiry) to
 * 30 seconds from now, then checks that one activity renews both to the
 * default 24 hours.
 */
async function renewNearlyExpired(page: Page, metadata: Extract<E2eProjectMetadata, { driver: "postgres" }>, activity: Activity) {
  const email = uniqueEmail("renewal");
  await registerThroughForm(page, email);
  const baseUrl = new URL(page.url()).origin;
  const cookie = await readTokenCookie(page.context(), baseUrl);
  expect(cookie).toBeDefined();

  const sql = postgres(await readFile(metadata.databaseUrlFile, "utf8"), { max: 1, onnotice: () => {} });
  try {
    const updated = await sql`update access_tokens set expires_at = now() + make_interval(secs => ${NEARLY_EXPIRED_SECONDS})
      where user_id = (select id from users where email = ${email})`;
    expect(updated.count).toBe(1);
  } finally {
    await sql.end({ timeout: 5 });
  }
  await page.context().addCookies([{ ...cookie!, expires: Math.floor(Date.now() / 1000) + NEARLY_EXPIRED_SECONDS }]);

  await activity(page, baseUrl);

  await expect
    .poll(async () => ((await readTokenCookie(page.context(), baseUrl))?.expires ?? 0) - Date.now() / 1000)
    .toBeGreaterThan(24 * 3600 - 120);
  expect((await readTokenCookie(page.context(), baseUrl))?.value).toBe(cookie?.value);
}

test.describe("session renewal", () => {
  for (const [name, activity] of [
    ["tRPC calls extend the cookie", trpcQuery],
    ["page visits extend the cookie", pageVisit],
  ] as const) {
    test(name, async ({ page }, testInfo) => {
      const metadata = projectMetadata(testInfo);
      if (metadata.driver === "pglite") await keepAliveOnShortSessions(page, metadata, activity);
      else await renewNearlyExpired(page, metadata, activity);
    });
  }
});
