import { expect, test, type Page } from "@playwright/test";

/** Records the URL of every script the page requests, from now on. */
function recordScripts(page: Page): Set<string> {
  const urls = new Set<string>();
  page.on("request", (request) => {
    if (request.resourceType() === "script") urls.add(new URL(request.url()).pathname);
  });
  return urls;
}

test.describe("password strength hint", () => {
  test("rates a common password as too common", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("Email address").fill("hint@example.com");
    await page.getByLabel("Password", { exact: true }).fill("password1");

    const verdict = page.locator("#password-strength");
    await expect(verdict).toHaveText(/^Strength: Very weak: too common, so registration will reject it\. .*passphrase/);
    await expect(verdict).toHaveAttribute("aria-live", "polite");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-describedby", /password-strength/);
    await expect(page.getByTestId("password-strength")).toHaveAttribute("data-score", "0");
  });

  test("rates a long passphrase as strong", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("Password", { exact: true }).fill("violet tundra pickle anthem");

    await expect(page.locator("#password-strength")).toHaveText(/^Strength: (Strong|Very strong)\.$/);
    await expect(page.locator("meter.strength-bar")).toHaveAttribute("value", /^[34]$/);
  });

  test("counts the email address as a known word", async ({ page }) => {
    await page.goto("/register");
    await page.getByLabel("Email address").fill("quillfeather@example.com");
    await page.getByLabel("Password", { exact: true }).fill("quillfeather");

    await expect(page.locator("#password-strength")).toContainText("too common");
  });

  test("clears when the field is emptied", async ({ page }) => {
    await page.goto("/register");
    const password = page.getByLabel("Password", { exact: true });
    await password.fill("password1");
    await expect(page.locator("#password-strength")).toContainText("Strength:");

    await password.fill("");
    await expect(page.locator("#password-strength")).toHaveText("");
    await expect(page.locator("meter.strength-bar")).toHaveCount(0);
  });

  test("dictionary loads only when typing on register", async ({ page }) => {
    const scripts = recordScripts(page);
    await page.goto("/register");
    await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();
    const beforeTyping = new Set(scripts);

    await page.getByLabel("Password", { exact: true }).fill("password1");
    await expect(page.locator("#password-strength")).toContainText("Strength:");
    const strengthChunks = [...scripts].filter((url) => !beforeTyping.has(url));
    expect(strengthChunks.length).toBeGreaterThan(0);

    scripts.clear();
    await page.goto("/login");
    await page.getByLabel("Password", { exact: true }).fill("password1");
    await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();
    await expect(page.getByTestId("password-strength")).toHaveCount(0);
    for (const chunk of strengthChunks) expect(scripts.has(chunk), chunk).toBe(false);
  });
});
