import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { registerThroughForm, TOKEN_COOKIE, uniqueEmail } from "./accounts";
import { projectMetadata } from "./project-metadata";

test.describe("token expiry", () => {
  test("expired token leads to /login", async ({ page, context }, testInfo) => {
    const metadata = projectMetadata(testInfo);
    const email = uniqueEmail("expiry");

    if (metadata.driver === "postgres") {
      // Expire the token where the server keeps it; the browser still sends the cookie.
      await registerThroughForm(page, email);
      const sql = postgres(await readFile(metadata.databaseUrlFile, "utf8"), { max: 1, onnotice: () => {} });
      try {
        const updated = await sql`update access_tokens set expires_at = now() - interval '1 second'
          where user_id = (select id from users where email = ${email})`;
        expect(updated.count).toBe(1);
      } finally {
        await sql.end({ timeout: 5 });
      }
    } else {
      // This server issues tokens that live a few seconds. Once one has expired the
      // browser drops its cookie too, so a copy is put back to reach the server's check.
      test.setTimeout(30_000 + metadata.shortTtlSeconds * 1000);
      const registerPage = metadata.shortTtlBaseUrl;
      await page.goto(`${registerPage}/register`);
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/account$/);
      const cookie = (await context.cookies(registerPage)).find((candidate) => candidate.name === TOKEN_COOKIE);
      expect(cookie).toBeDefined();

      await page.waitForTimeout(metadata.shortTtlSeconds * 1000 + 500);
      await page.goto(`${registerPage}/account`);
      await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);

      await context.addCookies([{ ...cookie!, expires: Date.now() / 1000 + 3600 }]);
    }

    await page.goto(metadata.driver === "postgres" ? "/account" : `${metadata.shortTtlBaseUrl}/account`);
    await expect(page).toHaveURL(/\/login\?next=%2Faccount&reason=expired$/);
    await expect(page.getByTestId("notice")).toHaveText("Your session has ended. Sign in again.");
  });
});
