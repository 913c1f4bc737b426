/**
 * The task functions that worker threads of the password hashing pool run.
 * They receive the HMAC pre-hash from password.ts, never the password itself,
 * and use bcryptjs's synchronous API: blocking a worker thread is the point,
 * and it skips the chunking that the async API does for the main thread.
 */
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import bcrypt from "bcryptjs";
import { workerData } from "piscina";

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

/**
 * Raises the nice value of this thread only. Linux keeps a nice value per
 * thread (setpriority(2), NOTES), and /proc/thread-self names the thread's id
 * (proc(5)). On other systems, where the link does not exist, the pool runs at
 * the process's priority.
 */
function lowerThreadPriority(increment: number): void {
  if (increment <= 0) return;
  let threadId: number;
  try {
    threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return;
  }
  // 19 is the lowest priority Linux allows.
  setPriority(threadId, Math.min(19, getPriority(threadId) + increment));
}
