// Starts the production build of apps/web for one Playwright project and
// cleans up after it: a fresh PGlite data folder under e2e/.data, or a fresh
// PostgreSQL database (created and dropped through @gatehouse/auth/testing).
// Usage: node scripts/start-app.mjs --driver pglite|postgres --port N
//        [--session-idle SECONDS] [--database-url-file PATH]
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createTestDatabase } from "@gatehouse/auth/testing";

const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const webDir = resolve(e2eDir, "../apps/web");

const { values } = parseArgs({
  options: {
    driver: { type: "string" },
    port: { type: "string" },
    "session-idle": { type: "string" },
    "database-url-file": { type: "string" },
  },
});
if (values.driver !== "pglite" && values.driver !== "postgres") throw new Error("--driver must be pglite or postgres");
if (!values.port) throw new Error("--port is required");

const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: values.port,
  // bcrypt cost 4 keeps the suite fast; production keeps the default of 12.
  GATEHOUSE_BCRYPT_COST: "4",
  GATEHOUSE_LOG_LEVEL: process.env.GATEHOUSE_LOG_LEVEL ?? "warn",
};
delete env.DATABASE_URL;
delete env.GATEHOUSE_DATA_DIR;
delete env.GATEHOUSE_TOKEN_TTL_SECONDS;
delete env.GATEHOUSE_SESSION_IDLE_SECONDS;
if (values["session-idle"]) env.GATEHOUSE_SESSION_IDLE_SECONDS = values["session-idle"];

let cleanup = async () => {};
if (values.driver === "pglite") {
  await mkdir(join(e2eDir, ".data"), { recursive: true });
  const dataDir = await mkdtemp(join(e2eDir, ".data", `pglite-${values.port}-`));
  env.GATEHOUSE_DATA_DIR = dataDir;
  cleanup = () => rm(dataDir, { recursive: true, force: true });
} else {
  // Fails with a message naming the server and the fix when PostgreSQL is not reachable.
  const database = await createTestDatabase("postgres");
  env.DATABASE_URL = database.url;
  const urlFile = values["database-url-file"];
  if (urlFile) await writeFile(urlFile, database.url ?? "", "utf8");
  cleanup = async () => {
    await database.close();
    if (urlFile) await rm(urlFile, { force: true });
  };
}

const nextBin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
const app = spawn(process.execPath, [nextBin, "start", "--port", values.port], { cwd: webDir, env, stdio: "inherit" });

let stopping = false;
async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((done) => app.once("exit", done));
  }
  await cleanup().catch((error) => console.error(`e2e: cleanup after the ${values.driver} server failed: ${error.message}`));
  process.exit(exitCode);
}

process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
app.on("exit", (code) => {
  if (!stopping) {
    console.error(`e2e: next start on port ${values.port} exited with code ${code}`);
    void stop(code ?? 1);
  }
});
