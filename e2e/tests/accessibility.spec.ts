import { expect, test } from "@playwright/test";
import { PASSWORD, registerAndSignOut, uniqueEmail } from "./accounts";

test.describe("without a mouse or JavaScript", () => {
  test("keyboard-only sign-in", async ({ page }) => {
    const email = uniqueEmail("keyboard");
    await registerAndSignOut(page, email);
    // A fresh load puts focus at the start of the document, as for a visitor arriving.
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Show password" })).toBeVisible();

    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Gatehouse" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Email address")).toBeFocused();
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("account-email")).toHaveText(email);
  });

  test.describe("with JavaScript disabled", () => {
    test.use({ javaScriptEnabled: false });

    test("register, sign out, sign in", async ({ page }) => {
      const email = uniqueEmail("no-js");

      await page.goto("/register");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByTestId("account-email")).toHaveText(email);

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login/);

      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByTestId("account-email")).toHaveText(email);
    });

    test("wrong password is shown", async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("Email address").fill(uniqueEmail("no-js-wrong"));
      await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();

      await expect(page.getByTestId("form-error")).toHaveText("Email address or password is incorrect.");
    });
  });
});
