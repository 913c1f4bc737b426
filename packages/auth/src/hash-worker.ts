/**
 * The task functions that worker threads of the password hashing pool run.
 * They receive the HMAC pre-hash from password.ts, never the password itself,
 * and use bcryptjs's synchronous API, because blocking a worker thread blocks
 * no request, and it skips the chunking that the async API does for the main thread.
 */
import bcrypt from "bcryptjs";
import { workerData } from "piscina";
import { lowerThreadPriority } from "./thread-priority.js";

export interface HashWorkerData {
  /** Added to this thread's nice value, so that request handling wins the CPU over hashing. */
  niceIncrement: number;
}

export interface HashTask {
  /** The bcrypt input: prehash(password). */
  input: string;
  cost: number;
}

export interface VerifyTask {
  input: string;
  hash: string;
}

lowerThreadPriority((workerData as HashWorkerData | undefined)?.niceIncrement ?? 0);

export function hash(task: HashTask): string {
  return bcrypt.hashSync(task.input, task.cost);
}

export function verify(task: VerifyTask): boolean {
  return bcrypt.compareSync(task.input, task.hash);
}
