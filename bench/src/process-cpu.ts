/**
 * Reads the CPU time a process has used, from Linux's /proc/<pid>/stat. CPU
 * time per request does not change when other programs compete for the cores,
 * unlike requests per second, so it shows the cost of a request on a busy machine.
 */
import { readFile } from "node:fs/promises";

/** Clock ticks per second of utime and stime; 100 on Linux (USER_HZ, see proc(5) and `getconf CLK_TCK`). */
const CLOCK_TICKS_PER_SECOND = 100;

/** Returns user plus system CPU time of the process, in milliseconds. */
export async function readProcessCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name start at field 3, so utime (14) and stime (15) are at 11 and 12.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
