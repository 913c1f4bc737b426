/**
 * Measures the JavaScript a browser downloads to show a page: loads it in
 * headless Chromium and sums the bodies of every script response.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; Playwright cannot download its own browser on this project's machines. */
export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

export interface PageScripts {
  path: string;
  status: number;
  scripts: number;
  /** Bytes as sent over the wire, after compression. */
  transferredBytes: number;
  /** Bytes after decompression, as the JavaScript engine parses them. */
  decodedBytes: number;
}

export async function launchChromium(executablePath: string = DEFAULT_CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Loads baseUrl + path in a fresh context with an empty cache and sums its script responses. */
export async function measurePageScripts(browser: Browser, baseUrl: string, path: string): Promise<PageScripts> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<{ transferred: number; decoded: number }>[] = [];

  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      (async () => {
        const [sizes, body] = await Promise.all([response.request().sizes(), response.body()]);
        return { transferred: sizes.responseBodySize, decoded: body.length };
      })(),
    );
  });

  try {
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    const measured = await Promise.all(pending);
    return {
      path,
      status: response?.status() ?? 0,
      scripts: measured.length,
      transferredBytes: measured.reduce((sum, item) => sum + item.transferred, 0),
      decodedBytes: measured.reduce((sum, item) => sum + item.decoded, 0),
    };
  } finally {
    await context.close();
  }
}
