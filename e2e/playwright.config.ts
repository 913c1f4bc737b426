/**
 * End-to-end tests against the production build (`next build`, then `next
 * start`) in Chromium, once on PGlite and once on PostgreSQL. Each project has
 * its own server; a third PGlite server ends sessions after 8 idle seconds for
 * the expiry and renewal tests. GATEHOUSE_TEST_DRIVERS=pglite runs only the
 * PGlite project. The servers listen on GATEHOUSE_E2E_PORT_BASE (default 3100)
 * and the two ports after it.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import type { E2eProjectMetadata } from "./tests/project-metadata";

const portBase = Number(process.env.GATEHOUSE_E2E_PORT_BASE ?? "3100");
if (!Number.isInteger(portBase) || portBase < 1024 || portBase > 65_533) {
  throw new Error(`GATEHOUSE_E2E_PORT_BASE must be a port from 1024 to 65533, got ${JSON.stringify(process.env.GATEHOUSE_E2E_PORT_BASE)}.`);
}
const PGLITE_PORT = portBase;
const POSTGRES_PORT = portBase + 1;
const SHORT_TTL_PORT = portBase + 2;
// Long enough for a few page loads on a slow machine; the renewal interval is a quarter of it, 2 seconds.
const SHORT_TOKEN_TTL_SECONDS = 8;

// Worker processes load this file again; the run id travels through the
// environment so every process agrees on it.
process.env.GATEHOUSE_E2E_RUN_ID ??= randomBytes(4).toString("hex");
const runId = process.env.GATEHOUSE_E2E_RUN_ID;
const databaseUrlFile = join(import.meta.dirname, ".data", `postgres-url-${runId}.txt`);

const drivers = (process.env.GATEHOUSE_TEST_DRIVERS ?? "pglite,postgres").split(",").map((value) => value.trim());
const systemChromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

type WebServer = Extract<NonNullable<PlaywrightTestConfig["webServer"]>, { command: string }>;

const server = (args: string, port: number): WebServer => ({
  command: `node scripts/start-app.mjs ${args} --port ${port}`,
  url: `http://localhost:${port}/login`,
  timeout: 60_000,
  reuseExistingServer: false,
  stdout: "ignore",
  stderr: "pipe",
  gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
});

const pgliteMetadata: E2eProjectMetadata = {
  driver: "pglite",
  shortTtlBaseUrl: `http://localhost:${SHORT_TTL_PORT}`,
  shortTtlSeconds: SHORT_TOKEN_TTL_SECONDS,
};
const postgresMetadata: E2eProjectMetadata = { driver: "postgres", databaseUrlFile };

export default defineConfig({
  testDir: "tests",
  outputDir: "test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    ...(drivers.includes("pglite")
      ? [{ name: "pglite", use: { baseURL: `http://localhost:${PGLITE_PORT}` }, metadata: pgliteMetadata }]
      : []),
    ...(drivers.includes("postgres")
      ? [{ name: "postgres", use: { baseURL: `http://localhost:${POSTGRES_PORT}` }, metadata: postgresMetadata }]
      : []),
  ],
  webServer: [
    ...(drivers.includes("pglite")
      ? [server("--driver pglite", PGLITE_PORT), server(`--driver pglite --session-idle ${SHORT_TOKEN_TTL_SECONDS}`, SHORT_TTL_PORT)]
      : []),
    ...(drivers.includes("postgres") ? [server(`--driver postgres --database-url-file ${databaseUrlFile}`, POSTGRES_PORT)] : []),
  ],
});
