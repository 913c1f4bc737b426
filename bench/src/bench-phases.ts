/**
 * The measurements of `pnpm bench`. Each function drives load at a running
 * production server from autocannon child processes and returns raw numbers;
 * run-bench.ts turns them into ratios.
 */
import { runLoad, type LoadOptions, type LoadResult } from "./load.js";

export interface PhaseSettings {
  durationSeconds: number;
  /** Connections for the throughput phases (health.ping, auth.me). */
  throughputConnections: number;
  /** Concurrent logins during the storm. */
  stormConnections: number;
  /** auth.me requests per second over all connections while measuring latency. */
  latencyRate: number;
  latencyConnections: number;
}

export interface BenchTarget {
  url: string;
  email: string;
  password: string;
  accessToken: string;
}

const pingLoad = (target: BenchTarget, settings: PhaseSettings): LoadOptions => ({
  url: `${target.url}/api/trpc/health.ping`,
  connections: settings.throughputConnections,
  durationSeconds: settings.durationSeconds,
});

const meLoad = (target: BenchTarget, settings: PhaseSettings, rateLimited: boolean): LoadOptions => ({
  url: `${target.url}/api/trpc/auth.me`,
  headers: { authorization: `Bearer ${target.accessToken}` },
  connections: rateLimited ? settings.latencyConnections : settings.throughputConnections,
  durationSeconds: settings.durationSeconds,
  ...(rateLimited ? { overallRate: settings.latencyRate } : {}),
});

const loginLoad = (target: BenchTarget, settings: PhaseSettings): LoadOptions => ({
  url: `${target.url}/api/trpc/auth.login`,
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: target.email, password: target.password }),
  connections: settings.stormConnections,
  durationSeconds: settings.durationSeconds,
});

export interface ThroughputResult {
  ping: LoadResult[];
  me: LoadResult[];
  pingPerSecond: number;
  mePerSecond: number;
}

/**
 * Runs health.ping and auth.me at full speed in the order ping, me, me, ping,
 * so a slow drift of the machine's load affects both alike, and averages the
 * successful responses per second of each.
 */
export async function measureThroughput(target: BenchTarget, settings: PhaseSettings): Promise<ThroughputResult> {
  const ping: LoadResult[] = [];
  const me: LoadResult[] = [];
  ping.push(await runLoad(pingLoad(target, settings)));
  me.push(await runLoad(meLoad(target, settings, false)));
  me.push(await runLoad(meLoad(target, settings, false)));
  ping.push(await runLoad(pingLoad(target, settings)));
  return { ping, me, pingPerSecond: averageOkPerSecond(ping), mePerSecond: averageOkPerSecond(me) };
}

/** Logs in with `stormConnections` concurrent connections and no pause. */
export async function measureLogins(target: BenchTarget, settings: PhaseSettings): Promise<LoadResult> {
  const result = await runLoad(loginLoad(target, settings));
  await waitForQueuedLogins(target);
  return result;
}

/**
 * Waits until the server has finished the logins still queued when autocannon
 * stopped: the server completes requests whose client has gone, and the pool
 * runs tasks in order, so one more login returns only after all of them.
 */
async function waitForQueuedLogins(target: BenchTarget): Promise<void> {
  const response = await fetch(`${target.url}/api/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: target.email, password: target.password }),
  });
  if (!response.ok) throw new Error(`auth.login after the login load failed with ${response.status}: ${await response.text()}`);
}

/** Sends auth.me at a fixed rate, so latency is not inflated by the load generator saturating the server. */
export function measureMeLatency(target: BenchTarget, settings: PhaseSettings): Promise<LoadResult> {
  return runLoad(meLoad(target, settings, true));
}

export interface StormResult {
  logins: LoadResult;
  me: LoadResult;
}

/** Runs the login storm and the fixed-rate auth.me load at the same time, from two processes. */
export async function measureMeLatencyDuringStorm(target: BenchTarget, settings: PhaseSettings): Promise<StormResult> {
  const [logins, me] = await Promise.all([measureLogins(target, settings), measureMeLatency(target, settings)]);
  return { logins, me };
}

function averageOkPerSecond(results: LoadResult[]): number {
  return results.reduce((sum, result) => sum + result.okPerSecond, 0) / results.length;
}
