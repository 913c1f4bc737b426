import { expect, test, type Browser } from "@playwright/test";

/**
 * The largest ratio of the sign-in page's JavaScript to that of a page with
 * only the shared layout. The strength check's dictionary (about 460 kB
 * uncompressed) must stay out of the sign-in page, and this catches a static
 * import that would pull it in.
 */
const MAX_LOGIN_TO_EMPTY_RATIO = 1.15;

/** Returns the decoded bytes of every script a fresh page loads for `path`. */
async function scriptBytes(browser: Browser, baseURL: string, path: string): Promise<number> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const sizes = new Map<string, Promise<number>>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    sizes.set(response.url(), response.body().then((body) => body.length));
  });

  await page.goto(path, { waitUntil: "networkidle" });
  const total = (await Promise.all(sizes.values())).reduce((sum, size) => sum + size, 0);
  await context.close();
  return total;
}

test.describe("page weight", () => {
  test("sign-in page JavaScript stays near empty", async ({ browser, baseURL }) => {
    // The 404 page renders the shared layout and nothing else.
    const empty = await scriptBytes(browser, baseURL ?? "", "/no-such-page");
    const login = await scriptBytes(browser, baseURL ?? "", "/login");

    expect(empty).toBeGreaterThan(0);
    expect(login / empty).toBeLessThanOrEqual(MAX_LOGIN_TO_EMPTY_RATIO);
  });
});
