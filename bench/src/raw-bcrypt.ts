/**
 * Measures how many bcryptjs hashes per second this machine computes with one
 * thread per core and nothing else in the way: the ceiling for logins/s.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { DEFAULT_HASH_NICE_INCREMENT } from "@gatehouse/auth";

// Each worker hashes in a loop until the deadline and posts its count. The code
// is passed as a string, so the baseline runs bcryptjs without piscina, the
// HMAC pre-hash or the server.
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const { pathToFileURL } = require("node:url");
const bcrypt = require(workerData.bcryptPath);
import(pathToFileURL(workerData.threadPriorityPath).href).then(({ lowerThreadPriority }) => {
  lowerThreadPriority(workerData.niceIncrement);
  let count = 0;
  while (Date.now() < workerData.deadline) {
    bcrypt.hashSync("raw bcrypt throughput " + count, workerData.cost);
    count++;
  }
  parentPort.postMessage(count);
});
`;

export interface RawBcryptResult {
  threads: number;
  niceIncrement: number;
  hashes: number;
  hashesPerSecond: number;
  /** CPU time of this process (all threads) per hash, in milliseconds. */
  cpuMsPerHash: number;
}

/**
 * Hashes on one thread per core for `durationSeconds`. The threads take the
 * server pool's nice increment, so that on a machine shared with other programs
 * both get the same share of the CPU.
 */
export async function measureRawBcrypt(cost: number, durationSeconds: number): Promise<RawBcryptResult> {
  const threads = availableParallelism();
  const require = createRequire(import.meta.url);
  // The CommonJS build, because code evaluated in a worker can use require() but not a static import.
  const bcryptPath = require.resolve("bcryptjs");
  const threadPriorityPath = require.resolve("@gatehouse/auth/thread-priority");
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + durationSeconds * 1000;

  const counts = await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(WORKER_CODE, {
        eval: true,
        workerData: { bcryptPath, threadPriorityPath, niceIncrement: DEFAULT_HASH_NICE_INCREMENT, deadline, cost },
      });
      return new Promise<number>((resolve, reject) => {
        worker.once("message", (count: number) => resolve(count));
        worker.once("error", reject);
      });
    }),
  );

  const hashes = counts.reduce((sum, count) => sum + count, 0);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerHash = (cpu.user + cpu.system) / 1000 / hashes;
  return { threads, niceIncrement: DEFAULT_HASH_NICE_INCREMENT, cpuMsPerHash, hashes, hashesPerSecond: hashes / ((Date.now() - started) / 1000) };
}
