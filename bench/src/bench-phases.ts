/**
 * The measurements of `pnpm bench`. Each function drives load at a running
 * production server from autocannon child processes and returns raw numbers,
 * which run-bench.ts turns into ratios.
 */
import { countAccessTokens, fillAccessTokens, keepOnlyAccessToken } from "./access-token-seed.js";
import { readProcessCpuMs } from "./process-cpu.js";
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
  /** The server's process id, for reading its CPU time. */
  serverPid: number;
  databaseUrl: string;
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
  // Each login waits behind up to stormConnections others in the pool's queue.
  timeoutSeconds: 60,
});

export interface ThroughputResult {
  ping: LoadResult[];
  me: LoadResult[];
  pingPerSecond: number;
  mePerSecond: number;
  /** Server CPU time per successful response, in milliseconds. */
  pingCpuMs: number;
  meCpuMs: number;
}

/**
 * Runs health.ping and auth.me at full speed in short segments, in the order
 * ping, me, me, ping, ping, me, me, ping, so that changes in the machine's load
 * affect both alike, and averages the successful responses per second of each.
 */
export async function measureThroughput(target: BenchTarget, settings: PhaseSettings): Promise<ThroughputResult> {
  const segment = { ...settings, durationSeconds: Math.max(1, Math.round(settings.durationSeconds / 4)) };
  const ping: LoadResult[] = [];
  const me: LoadResult[] = [];
  const cpuMs = { ping: 0, me: 0 };
  for (const name of ["ping", "me", "me", "ping", "ping", "me", "me", "ping"] as const) {
    const cpuBefore = await readProcessCpuMs(target.serverPid);
    if (name === "ping") ping.push(await runLoad(pingLoad(target, segment)));
    else me.push(await runLoad(meLoad(target, segment, false)));
    cpuMs[name] += (await readProcessCpuMs(target.serverPid)) - cpuBefore;
  }
  return {
    ping,
    me,
    pingPerSecond: averageOkPerSecond(ping),
    mePerSecond: averageOkPerSecond(me),
    pingCpuMs: cpuMs.ping / totalOk(ping),
    meCpuMs: cpuMs.me / totalOk(me),
  };
}

export interface LoginResult extends LoadResult {
  /** Server CPU time (all threads) per login, including the logins finished after autocannon stopped. */
  cpuMsPerLogin: number;
}

/** Logs in with `stormConnections` concurrent connections and no pause. */
export async function measureLogins(target: BenchTarget, settings: PhaseSettings): Promise<LoginResult> {
  const cpuBefore = await readProcessCpuMs(target.serverPid);
  const tokensBefore = await countAccessTokens(target.databaseUrl);

  const result = await runLoad(loginLoad(target, settings));
  await waitForQueuedLogins(target);

  const cpuMs = (await readProcessCpuMs(target.serverPid)) - cpuBefore;
  const logins = (await countAccessTokens(target.databaseUrl)) - tokensBefore;
  return { ...result, cpuMsPerLogin: cpuMs / logins };
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
  logins: LoginResult;
  me: LoadResult;
}

/**
 * Runs the login storm and the fixed-rate auth.me load at the same time, from
 * two processes. The storm's cpuMsPerLogin includes the auth.me requests.
 */
export async function measureMeLatencyDuringStorm(target: BenchTarget, settings: PhaseSettings): Promise<StormResult> {
  const [logins, me] = await Promise.all([measureLogins(target, settings), measureMeLatency(target, settings)]);
  return { logins, me };
}

export interface TokenScaleResult {
  /** Latency with the small table, before and after the large one. */
  small: LoadResult[];
  /** The lower p50 of the two small-table runs. */
  smallP50Ms: number;
  large: LoadResult;
  largeCount: number;
}

/**
 * Times auth.me with a small token table, a large one, then the small one
 * again, and compares the large table with the faster small run. A change in
 * the machine's load during the phase shows as a gap between the small runs.
 */
export async function measureTokenScale(
  target: BenchTarget & { userId: string },
  counts: { small: number; large: number },
  settings: PhaseSettings,
): Promise<TokenScaleResult> {
  const warmup = { ...settings, durationSeconds: 1 };
  const small: LoadResult[] = [];

  await keepOnlyAccessToken(target.databaseUrl, target.accessToken);
  await fillAccessTokens(target.databaseUrl, target.userId, counts.small);
  await measureMeLatency(target, warmup);
  small.push(await measureMeLatency(target, settings));

  const largeCount = await fillAccessTokens(target.databaseUrl, target.userId, counts.large);
  await measureMeLatency(target, warmup);
  const large = await measureMeLatency(target, settings);

  await keepOnlyAccessToken(target.databaseUrl, target.accessToken);
  await fillAccessTokens(target.databaseUrl, target.userId, counts.small);
  await measureMeLatency(target, warmup);
  small.push(await measureMeLatency(target, settings));

  // The faster small-table run is the baseline, because load from other programs only ever adds latency.
  const smallP50Ms = Math.min(...small.map((result) => result.latencyP50Ms));
  return { small, smallP50Ms, large, largeCount };
}

function totalOk(results: LoadResult[]): number {
  return results.reduce((sum, result) => sum + result.okResponses, 0);
}

function averageOkPerSecond(results: LoadResult[]): number {
  return results.reduce((sum, result) => sum + result.okPerSecond, 0) / results.length;
}
