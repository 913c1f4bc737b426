import { expect, test } from "@playwright/test";
import { fillCredentials, PASSWORD, registerAndSignOut, uniqueEmail } from "./accounts";

test.describe("form errors", () => {
  test("wrong password is reported on the form", async ({ page }) => {
    const email = uniqueEmail("wrong");
    await registerAndSignOut(page, email);

    await fillCredentials(page, email, "not the password");
    await page.getByRole("button", { name: "Sign in" }).click();

    await expect(page.getByTestId("form-error")).toHaveText("Email address or password is incorrect.");
    await expect(page.getByTestId("form-error")).toHaveAttribute("aria-live", "assertive");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByLabel("Email address")).toHaveValue(email);
  });

  test("taken address is shown at the email field", async ({ page }) => {
    const email = uniqueEmail("taken");
    await registerAndSignOut(page, email);

    await page.goto("/register");
    await fillCredentials(page, email, PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();

    const emailInput = page.getByLabel("Email address");
    await expect(page.getByTestId("email-error")).toHaveText("An account with this email address already exists. Sign in instead.");
    await expect(emailInput).toHaveAttribute("aria-invalid", "true");
    await expect(emailInput).toHaveAttribute("aria-describedby", "email-error");
    await expect(emailInput).toBeFocused();
  });

  test("invalid address is shown at the email field", async ({ page }) => {
    await page.goto("/register");
    await fillCredentials(page, "not-an-address", PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByTestId("email-error")).toContainText(/email/i);
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByTestId("form-announcement")).toHaveText(await page.getByTestId("email-error").innerText());
  });

  test("short password is shown at the password field", async ({ page }) => {
    await page.goto("/register");
    await fillCredentials(page, uniqueEmail("short"), "short");
    await page.getByRole("button", { name: "Create account" }).click();

    const passwordInput = page.getByLabel("Password", { exact: true });
    await expect(page.getByTestId("password-error")).toContainText("8");
    await expect(passwordInput).toHaveAttribute("aria-invalid", "true");
    await expect(passwordInput).toHaveAttribute("aria-describedby", "password-hint password-strength password-error");
    await expect(passwordInput).toBeFocused();
  });

  test("oversized password is shown at its field", async ({ page }) => {
    await page.goto("/register");
    await fillCredentials(page, uniqueEmail("long"), "a".repeat(600));
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByTestId("password-error")).toHaveText("Password is too long: use at most 256 characters.");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("submit button shows a pending state", async ({ page }) => {
    await page.goto("/register");
    await fillCredentials(page, uniqueEmail("pending"), PASSWORD);
    // Hold the Server Action request so the pending state stays visible.
    let release: () => void = () => {};
    const requestHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/register", async (route) => {
      if (route.request().method() === "POST") await requestHeld;
      await route.continue();
    });

    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.getByRole("button", { name: "Creating account…" })).toBeDisabled();
    release();
    await expect(page).toHaveURL(/\/account$/);
  });

  test("show-password toggle reveals and hides", async ({ page }) => {
    await page.goto("/login");
    const password = page.getByLabel("Password", { exact: true });
    await password.fill("visible secret");

    await page.getByRole("button", { name: "Show password" }).click();
    await expect(password).toHaveAttribute("type", "text");
    await expect(page.getByRole("button", { name: "Hide password" })).toHaveAttribute("aria-pressed", "true");

    await page.getByRole("button", { name: "Hide password" }).click();
    await expect(password).toHaveAttribute("type", "password");
  });

  test("fields carry autocomplete hints", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByLabel("Email address")).toHaveAttribute("autocomplete", "email");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("autocomplete", "current-password");

    await page.goto("/register");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("autocomplete", "new-password");
  });
});
