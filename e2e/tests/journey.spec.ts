import { expect, test } from "@playwright/test";
import { PASSWORD, registerAndSignOut, registerThroughForm, signInThroughForm, uniqueEmail } from "./accounts";

test.describe("account journey", () => {
  test("register, reload, sign out, sign back in", async ({ page }) => {
    const email = uniqueEmail("journey");
    const browserErrors: string[] = [];
    page.on("pageerror", (error) => browserErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") browserErrors.push(message.text());
    });

    await registerThroughForm(page, email);

    await page.reload();
    await expect(page.getByTestId("account-email")).toHaveText(email);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login\?signed-out=1$/);
    await expect(page.getByTestId("notice")).toHaveText("You have signed out.");

    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);

    await signInThroughForm(page, email, PASSWORD);
    await expect(page.getByTestId("account-email")).toHaveText(email);
    expect(browserErrors).toEqual([]);
  });

  test("signed-out visitor gets a redirect, never the page", async ({ request }) => {
    const response = await request.get("/account", { maxRedirects: 0 });

    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe("/login?next=%2Faccount");
    const body = await response.text();
    expect(body).not.toContain("account-email");
    expect(body).not.toContain("Sign out");
  });

  test("sign-in returns to the page asked for", async ({ page }) => {
    const email = uniqueEmail("next");
    await registerAndSignOut(page, email);

    await page.goto("/login?next=%2Faccount%3Ftab%3Ddetails");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page).toHaveURL(/\/account\?tab=details$/);
  });

  test("signed-in visitor skips the sign-in page", async ({ page }) => {
    await registerThroughForm(page, uniqueEmail("skip"));

    await page.goto("/login");

    await expect(page).toHaveURL(/\/account$/);
  });
});
