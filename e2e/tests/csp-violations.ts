import type { Page } from "@playwright/test";

/**
 * Collects every Content Security Policy violation a page reports, from the
 * console (where Chromium logs "Refused to ...") and from the
 * `securitypolicyviolation` DOM event, which also catches blocked styles.
 * Call it before the first navigation.
 */
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    const reports: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = reports;
    document.addEventListener("securitypolicyviolation", (event) => {
      reports.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`);
    });
  });

  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

/** Returns the nonce from a Content-Security-Policy header value, or null. */
export function nonceOf(policy: string | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1] ?? null;
}
