import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { registerThroughForm, uniqueEmail } from "./accounts";

// `pnpm --filter @gatehouse/e2e screenshots` sets GATEHOUSE_UPDATE_SCREENSHOTS
// and rewrites the README's pictures; other runs save them in the test output.
const docsDir = join(import.meta.dirname, "..", "..", "docs", "screenshots");
const updateDocs = process.env.GATEHOUSE_UPDATE_SCREENSHOTS === "1";

test.describe("screenshots", () => {
  test.use({ viewport: { width: 900, height: 640 }, colorScheme: "light" });

  test("login, account, sessions and password pages", async ({ page }, testInfo) => {
    const target = (name: string) => (updateDocs ? join(docsDir, name) : testInfo.outputPath(name));

    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();
    await page.screenshot({ path: target("login.png") });

    // Each project starts on an empty database; a retry needs a fresh address.
    await registerThroughForm(page, testInfo.retry === 0 ? "ana@example.com" : uniqueEmail("ana"));
    await page.screenshot({ path: target("account.png") });

    await page.goto("/account/sessions");
    await expect(page.getByTestId("session")).toHaveCount(1);
    await page.screenshot({ path: target("sessions.png") });

    await page.goto("/account/password");
    await expect(page.getByRole("button", { name: "Show new password" })).toBeVisible();
    await page.screenshot({ path: target("password.png") });
  });
});
