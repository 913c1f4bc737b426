/**
 * Measures how many bcryptjs hashes per second this machine computes with one
 * thread per core and nothing else in the way: the ceiling for logins/s.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

// Each worker hashes in a loop until the deadline and posts its count. The code
// is passed as a string, so this measurement shares no code with the pool it
// is the baseline for.
const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const bcrypt = require(workerData.bcryptPath);
let count = 0;
while (Date.now() < workerData.deadline) {
  bcrypt.hashSync("raw bcrypt throughput " + count, workerData.cost);
  count++;
}
parentPort.postMessage(count);
`;

export interface RawBcryptResult {
  threads: number;
  hashes: number;
  hashesPerSecond: number;
}

export async function measureRawBcrypt(cost: number, durationSeconds: number): Promise<RawBcryptResult> {
  const threads = availableParallelism();
  // The CommonJS build, because code evaluated in a worker can use require() but not import.
  const bcryptPath = createRequire(import.meta.url).resolve("bcryptjs");
  const started = Date.now();
  const deadline = started + durationSeconds * 1000;

  const counts = await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(WORKER_CODE, {
        eval: true,
        workerData: { bcryptPath, deadline, cost },
      });
      return new Promise<number>((resolve, reject) => {
        worker.once("message", (count: number) => resolve(count));
        worker.once("error", reject);
      });
    }),
  );

  const hashes = counts.reduce((sum, count) => sum + count, 0);
  return { threads, hashes, hashesPerSecond: hashes / ((Date.now() - started) / 1000) };
}
