import { expect, test } from "@playwright/test";
import { fillCredentials, PASSWORD, registerAndSignOut, registerThroughForm, signInThroughForm, uniqueEmail } from "./accounts";

const PROTECTED_PAGES = ["/account/sessions", "/account/password", "/account/activity", "/account/delete"];

test.describe("account pages", () => {
  for (const path of PROTECTED_PAGES) {
    test(`signed-out visitor to ${path} is redirected`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });

      expect(response.status()).toBe(307);
      expect(response.headers().location).toBe(`/login?next=${encodeURIComponent(path)}`);
      const body = await response.text();
      expect(body).not.toContain("This device");
      expect(body).not.toContain("Current password");
      expect(body).not.toContain("Delete my account");
    });
  }

  test("sign-in returns to the sessions page", async ({ page }) => {
    const email = uniqueEmail("sessions-next");
    await registerAndSignOut(page, email);

    await page.goto("/account/sessions");
    await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fsessions$/);
    await fillCredentials(page, email, PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(/\/account\/sessions$/);
    await expect(page.getByTestId("session")).toHaveCount(1);
  });

  test("links lead between the account pages", async ({ page }) => {
    const browserErrors: string[] = [];
    page.on("pageerror", (error) => browserErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") browserErrors.push(message.text());
    });
    await registerThroughForm(page, uniqueEmail("nav"));
    const nav = page.getByRole("navigation", { name: "Account pages" });

    for (const [label, path, heading] of [
      ["Sessions", "/account/sessions", "Sessions"],
      ["Password", "/account/password", "Change password"],
      ["Activity", "/account/activity", "Recent activity"],
      ["Delete account", "/account/delete", "Delete account"],
      ["Account", "/account", "Your account"],
    ] as const) {
      await nav.getByRole("link", { name: label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(nav.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    }
    await page.reload();
    await page.goto("/account/sessions");
    await expect(page.getByTestId("session")).toHaveCount(1);
    expect(browserErrors).toEqual([]);
  });

  test("activity lists sign-ins and sign-outs", async ({ page }) => {
    const email = uniqueEmail("activity");
    await registerAndSignOut(page, email);
    await fillCredentials(page, email, "not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Email address or password is incorrect.");
    await signInThroughForm(page, email);

    await page.goto("/account/activity");

    const rows = page.getByTestId("activity-event");
    await expect(rows.locator("td:first-child")).toHaveText(["Signed in", "Failed sign-in attempt", "Signed out", "Account created"]);
    await expect(rows.first().locator("td").nth(2)).toHaveText(/Chrom/);
    await expect(rows.first().locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  });

  test("password form marks the wrong field", async ({ page }) => {
    await registerThroughForm(page, uniqueEmail("password-errors"));
    await page.goto("/account/password");

    await page.getByRole("button", { name: "Change password" }).click();
    const current = page.getByLabel("Current password", { exact: true });
    await expect(current).toHaveAttribute("aria-invalid", "true");
    await expect(current).toHaveAttribute("aria-describedby", "current-password-error");
    await expect(page.getByTestId("current-password-error")).toHaveText("Enter your current password.");
    await expect(current).toBeFocused();

    await current.fill("a wrong current password");
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    const fresh = page.getByLabel("New password", { exact: true });
    await expect(fresh).toHaveAttribute("aria-invalid", "true");
    await expect(fresh).toHaveAttribute("aria-describedby", "new-password-hint new-password-error");
    await expect(page.getByTestId("new-password-error")).toContainText("at least 8 characters");
    await expect(page.getByTestId("form-announcement")).toContainText("at least 8 characters");

    await current.fill("a wrong current password");
    await fresh.fill("a long enough new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByTestId("current-password-error")).toHaveText("The current password is incorrect.");
    await expect(page.getByLabel("Sign out my other sessions")).toBeChecked();
  });

  test("password toggles show each field", async ({ page }) => {
    await registerThroughForm(page, uniqueEmail("toggle"));
    await page.goto("/account/password");

    await page.getByRole("button", { name: "Show new password" }).click();

    await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute("type", "text");
    await expect(page.getByLabel("Current password", { exact: true })).toHaveAttribute("type", "password");
  });

  test("delete form rejects a wrong password", async ({ page }) => {
    const email = uniqueEmail("delete-wrong");
    await registerThroughForm(page, email);
    await page.goto("/account/delete");

    await page.getByLabel("Password", { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: "Delete my account" }).click();

    await expect(page.getByTestId("password-error")).toHaveText("The current password is incorrect.");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await page.goto("/account");
    await expect(page.getByTestId("account-email")).toHaveText(email);
  });

  test.describe("with JavaScript disabled", () => {
    test.use({ javaScriptEnabled: false });

    test("change password and revoke a session", async ({ page, browser, baseURL }) => {
      const email = uniqueEmail("no-js-account");
      await page.goto("/register");
      await fillCredentials(page, email, PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/account$/);
      const other = await browser.newContext({ baseURL, javaScriptEnabled: false });
      const otherPage = await other.newPage();
      await otherPage.goto("/login");
      await fillCredentials(otherPage, email, PASSWORD);
      await otherPage.getByRole("button", { name: "Sign in" }).click();
      await expect(otherPage).toHaveURL(/\/account$/);

      await page.goto("/account/sessions");
      await page.locator("[data-testid=session][data-current=false]").getByRole("button", { name: /^Sign out/ }).click();
      await expect(page.getByTestId("notice")).toHaveText("Signed out 1 session.");
      await otherPage.goto("/account");
      await expect(otherPage).toHaveURL(/\/login\?next=%2Faccount&reason=expired$/);
      await other.close();

      await page.goto("/account/password");
      await page.getByLabel("Current password", { exact: true }).fill(PASSWORD);
      await page.getByLabel("New password", { exact: true }).fill("a new passphrase without scripts");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByTestId("password-changed")).toContainText("Your password has been changed");
      await page.goto("/account");
      await expect(page.getByTestId("account-email")).toHaveText(email);
    });
  });
});
