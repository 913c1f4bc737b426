/**
 * Generates HTTP load with the autocannon CLI in a separate process, so the
 * load generator never shares an event loop with the server or this script.
 */
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const AUTOCANNON_BIN = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Total requests per second over all connections; unset sends as fast as the server responds. */
  overallRate?: number;
  /** Seconds before autocannon counts a request as timed out; defaults to 10. */
  timeoutSeconds?: number;
}

export interface LoadResult {
  /** Responses with a 2xx status per second, over the whole run. */
  okPerSecond: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  okResponses: number;
  /** Responses with another status, plus connection errors and timeouts. */
  failures: number;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const args = [
    AUTOCANNON_BIN,
    "--json",
    "--no-progress",
    "--connections",
    String(options.connections),
    "--duration",
    String(options.durationSeconds),
    "--method",
    options.method ?? "GET",
  ];
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    args.push("--headers", `${name}=${value}`);
  }
  if (options.body !== undefined) args.push("--body", options.body);
  if (options.overallRate !== undefined) args.push("--overallRate", String(options.overallRate));
  if (options.timeoutSeconds !== undefined) args.push("--timeout", String(options.timeoutSeconds));
  args.push(options.url);

  const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as AutocannonJson;

  return {
    okPerSecond: result["2xx"] / result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    okResponses: result["2xx"],
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
