import { expect, test, type Page } from "@playwright/test";
import {
  expectSignedOut,
  fillCredentials,
  PASSWORD,
  registerThroughForm,
  signInElsewhere,
  signInThroughForm,
  TOKEN_COOKIE,
  uniqueEmail,
} from "./accounts";

const NEW_PASSWORD = "a different long passphrase";

async function changePasswordThroughForm(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel("Current password", { exact: true }).fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

test.describe("two browsers of one account", () => {
  test("revoking a session signs the other out", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("revoke");
    await registerThroughForm(page, email);
    const other = await signInElsewhere(browser, baseURL, email);
    const otherPage = other.pages()[0]!;

    await page.goto("/account/sessions");
    const rows = page.getByTestId("session");
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);
    await expect(page.locator("[data-testid=session][data-current=true]")).toContainText("This device");
    const otherRow = page.locator("[data-testid=session][data-current=false]");
    await expect(otherRow).not.toContainText("This device");
    await expect(otherRow.getByRole("button", { name: /^Sign out/ })).toBeVisible();
    await expect(page.locator("[data-testid=session][data-current=true]").getByRole("button")).toHaveCount(0);

    await otherRow.getByRole("button", { name: /^Sign out/ }).click();

    await expect(page.getByTestId("notice")).toHaveText("Signed out 1 session.");
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole("button", { name: "Sign out all other sessions" })).toHaveCount(0);
    await expectSignedOut(otherPage);
    await page.goto("/account");
    await expect(page.getByTestId("account-email")).toHaveText(email);
    await other.close();
  });

  test("sign out all other sessions", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("revoke-all");
    await registerThroughForm(page, email);
    const others = [await signInElsewhere(browser, baseURL, email), await signInElsewhere(browser, baseURL, email)];

    await page.goto("/account/sessions");
    await expect(page.getByTestId("session")).toHaveCount(3);
    await page.getByRole("button", { name: "Sign out all other sessions" }).click();

    await expect(page.getByTestId("notice")).toHaveText("Signed out 2 sessions.");
    await expect(page.getByTestId("session")).toHaveCount(1);
    for (const other of others) {
      await expectSignedOut(other.pages()[0]!);
      await other.close();
    }
  });

  test("password change signs the other out", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("password");
    await registerThroughForm(page, email);
    const other = await signInElsewhere(browser, baseURL, email);
    const tokenBefore = (await page.context().cookies()).find((cookie) => cookie.name === TOKEN_COOKIE)?.value;

    await page.goto("/account/password");
    await expect(page.getByLabel("Sign out my other sessions")).toBeChecked();
    await expect(page.getByLabel("Current password", { exact: true })).toHaveAttribute("autocomplete", "current-password");
    await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute("autocomplete", "new-password");
    await changePasswordThroughForm(page, PASSWORD, NEW_PASSWORD);

    await expect(page.getByTestId("password-changed")).toHaveText(
      "Your password has been changed, and your other sessions have been signed out.",
    );
    const tokenAfter = (await page.context().cookies()).find((cookie) => cookie.name === TOKEN_COOKIE)?.value;
    expect(tokenAfter).toBeDefined();
    expect(tokenAfter).not.toBe(tokenBefore);
    await page.goto("/account");
    await expect(page.getByTestId("account-email")).toHaveText(email);

    const otherPage = other.pages()[0]!;
    await expectSignedOut(otherPage);
    await otherPage.goto("/login");
    await fillCredentials(otherPage, email, PASSWORD);
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    await expect(otherPage.getByTestId("form-error")).toHaveText("Email address or password is incorrect.");
    await signInThroughForm(otherPage, email, NEW_PASSWORD);
    await expect(otherPage.getByTestId("account-email")).toHaveText(email);
    await other.close();
  });

  test("password change can keep other sessions", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("password-keep");
    await registerThroughForm(page, email);
    const other = await signInElsewhere(browser, baseURL, email);

    await page.goto("/account/password");
    await page.getByLabel("Sign out my other sessions").uncheck();
    await changePasswordThroughForm(page, PASSWORD, NEW_PASSWORD);

    await expect(page.getByTestId("password-changed")).toHaveText("Your password has been changed. Your other sessions stay signed in.");
    const otherPage = other.pages()[0]!;
    await otherPage.goto("/account");
    await expect(otherPage.getByTestId("account-email")).toHaveText(email);
    await other.close();
  });

  test("account deletion signs every browser out", async ({ page, browser, baseURL }) => {
    const email = uniqueEmail("delete");
    await registerThroughForm(page, email);
    const other = await signInElsewhere(browser, baseURL, email);

    await page.goto("/account/delete");
    await expect(page.getByTestId("delete-warning")).toContainText("This cannot be undone.");
    await expect(page.getByTestId("delete-warning")).toContainText(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Delete my account" }).click();

    await expect(page).toHaveURL(/\/login\?reason=account-deleted$/);
    await expect(page.getByTestId("notice")).toContainText("Your account has been deleted");
    expect((await page.context().cookies()).some((cookie) => cookie.name === TOKEN_COOKIE)).toBe(false);
    await expectSignedOut(other.pages()[0]!);
    await other.close();

    await registerThroughForm(page, email);
    await expect(page.getByTestId("account-email")).toHaveText(email);
  });
});
