import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery staple";
export const TOKEN_COOKIE = "gatehouse_token";

/** Returns an address no other test uses, so tests can run in parallel on one database. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(5).toString("hex")}@example.com`;
}

export async function fillCredentials(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
}

/** Registers through the form and waits for the account page. */
export async function registerThroughForm(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/register");
  await fillCredentials(page, email, password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toHaveText(email);
}

/** Signs in through the form and waits for the account page. */
export async function signInThroughForm(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await fillCredentials(page, email, password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
}

/** Registers through the form, signs out with the button and waits for the sign-in page. */
export async function registerAndSignOut(page: Page, email: string): Promise<void> {
  await registerThroughForm(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Opens a second browser context (its own cookies, like another device) and signs it in to `email`. */
export async function signInElsewhere(browser: Browser, baseURL: string | undefined, email: string, password = PASSWORD): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await signInThroughForm(await context.newPage(), email, password);
  return context;
}

/** Expects the page's next visit to /account to land on the sign-in page, as a browser whose cookie contains a token that no longer works. */
export async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount&reason=expired$/);
  await expect(page.getByTestId("notice")).toHaveText("Your session has ended. Sign in again.");
}
