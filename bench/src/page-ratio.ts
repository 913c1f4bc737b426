/**
 * Compares the JavaScript a browser downloads for one page with an empty page
 * of the same build. A page that does not exist yet (HTTP 404) is reported as
 * not measured rather than failing the benchmark.
 */
import { launchChromium, measurePageScripts, type PageScripts } from "./page-scripts.js";

export interface PageRatio {
  value: number | null;
  definition: string;
  note?: string;
  pages: PageScripts[];
}

export async function measureJavaScriptRatio(
  baseUrl: string,
  pagePath: string,
  emptyPath: string,
  chromiumPath?: string,
): Promise<PageRatio> {
  const browser = await launchChromium(chromiumPath);
  try {
    const empty = await measurePageScripts(browser, baseUrl, emptyPath);
    const page = await measurePageScripts(browser, baseUrl, pagePath);
    const pages = [page, empty];
    const definition = `${page.transferredBytes} vs ${empty.transferredBytes} bytes transferred (${page.decodedBytes} vs ${empty.decodedBytes} decoded)`;

    if (empty.status !== 200) {
      throw new Error(`The baseline page ${emptyPath} returned HTTP ${empty.status}. Rebuild apps/web or pass --empty-path.`);
    }
    if (page.status === 404) {
      return { value: null, definition, note: `not measured: ${pagePath} returned HTTP 404 in this build`, pages };
    }
    if (page.status !== 200) {
      return { value: null, definition, note: `not measured: ${pagePath} returned HTTP ${page.status}`, pages };
    }
    return { value: page.transferredBytes / empty.transferredBytes, definition, pages };
  } finally {
    await browser.close();
  }
}
