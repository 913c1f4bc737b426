// Makes sure a Chromium exists before the end-to-end tests run: the system's
// /usr/bin/chromium (or CHROMIUM_PATH) when present, else Playwright's own
// build, downloaded once with `playwright install chromium`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const systemChromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

if (existsSync(systemChromium)) {
  console.log(`e2e: using ${systemChromium}`);
} else {
  console.log(`e2e: ${systemChromium} not found; installing Playwright's Chromium`);
  const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  const result = spawnSync(process.execPath, [cli, "install", "chromium"], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
