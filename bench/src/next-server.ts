/**
 * Starts the production Next.js server of apps/web (`next start`, after `next
 * build`) as a child process bound to 127.0.0.1, and waits until health.ping
 * responds, so callers measure or test the server exactly as it is deployed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";

export const WEB_APP_DIR = fileURLToPath(new URL("../../apps/web/", import.meta.url));

export interface NextServerOptions {
  port: number;
  databaseUrl: string;
  bcryptCost: number;
  /** Extra environment variables, such as GATEHOUSE_HASH_THREADS. */
  env?: Record<string, string>;
  /** Time to wait for a successful health.ping, in milliseconds, 30 s by default. */
  readyTimeoutMs?: number;
}

export interface NextServer {
  url: string;
  pid: number;
  /** The server's stdout and stderr so far, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function startNextServer(options: NextServerOptions): Promise<NextServer> {
  if (!existsSync(`${WEB_APP_DIR}.next/BUILD_ID`)) {
    throw new Error(`No production build in ${WEB_APP_DIR}.next: run \`pnpm build\` at the repository root first.`);
  }
  const nextBin = createRequire(`${WEB_APP_DIR}package.json`).resolve("next/dist/bin/next");
  const url = `http://127.0.0.1:${options.port}`;

  const child = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(options.port)], {
    cwd: WEB_APP_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      GATEHOUSE_BCRYPT_COST: String(options.bcryptCost),
      GATEHOUSE_LOG_LEVEL: "warn",
      // The login storm signs one account in from many connections at once.
      GATEHOUSE_THROTTLE_FREE_ATTEMPTS: "1000000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));

  const server: NextServer = { url, pid: child.pid ?? -1, output: () => output, stop: () => stopChild(child) };
  try {
    await waitUntilReady(url, child, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\nServer output:\n${output}`);
  }
  return server;
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`next start on ${url} exited with code ${child.exitCode} before it was ready.`);
    }
    try {
      const response = await fetch(`${url}/api/trpc/health.ping`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`next start on ${url} returned no successful health.ping response within ${timeoutMs} ms.`);
}

/** Sends SIGTERM, and SIGKILL if the process has not exited after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
