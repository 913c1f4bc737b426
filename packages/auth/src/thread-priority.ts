import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/**
 * Raises the nice value of this thread only. Linux keeps a nice value per
 * thread (setpriority(2), NOTES), and /proc/thread-self names the thread's id
 * (proc(5)). Returns false where that link does not exist, on systems other
 * than Linux, and leaves the priority unchanged there.
 */
export function lowerThreadPriority(increment: number): boolean {
  if (increment <= 0) return false;
  let threadId: number;
  try {
    threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return false;
  }
  // 19 is the lowest priority Linux allows.
  setPriority(threadId, Math.min(19, getPriority(threadId) + increment));
  return true;
}
