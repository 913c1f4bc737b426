import { expect, test } from "@playwright/test";
import { fillCredentials, PASSWORD, registerAndSignOut, uniqueEmail } from "./accounts";

test.describe("sign-in throttling", () => {
  test("sixth wrong password shows the wait", async ({ page }) => {
    const email = uniqueEmail("throttled");
    await registerAndSignOut(page, email);
    const formError = page.getByTestId("form-error");

    // Each attempt waits for the Server Action's response and then for React to
    // finish the action, which also resets the form's fields. The message alone
    // cannot tell, because it stays the same from one wrong password to the next.
    const submit = async (password: string): Promise<void> => {
      await fillCredentials(page, email, password);
      const response = page.waitForResponse((candidate) => candidate.request().method() === "POST" && candidate.url().includes("/login"));
      await page.getByRole("button", { name: "Sign in" }).click();
      await response;
      await expect(page.locator("form")).toHaveAttribute("aria-busy", "false");
    };

    for (let attempt = 1; attempt <= 5; attempt++) {
      await submit(`wrong password ${attempt}`);
      await expect(formError).toHaveText("Email address or password is incorrect.");
    }
    await submit("wrong password 6");

    await expect(formError).toHaveText(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    await expect(page).toHaveURL(/\/login/);

    // The throttle admits the right password once the wait is over.
    const seconds = Number(/in (\d+) second/.exec((await formError.textContent()) ?? "")?.[1] ?? "0");
    await page.waitForTimeout(seconds * 1000 + 200);
    await fillCredentials(page, email, PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
  });
});
