/**
 * A PasswordHasher that runs bcryptjs in a pool of worker threads (piscina), so
 * a burst of logins no longer stalls the event loop that serves every other
 * request. It produces and accepts the same hashes as inlinePasswordHasher:
 * the HMAC pre-hash runs on the calling thread and only its output, never the
 * password, crosses to a worker.
 */
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Piscina } from "piscina";
import { AuthError } from "./errors.js";
import type { HashTask, HashWorkerData, VerifyTask } from "./hash-worker.js";
import { assertBcryptCost, prehash, type PasswordHasher } from "./password.js";

/** The package subpath of the compiled worker script, listed in package.json "exports". */
export const HASH_WORKER_SPECIFIER = "@gatehouse/auth/hash-worker";

export interface WorkerPasswordHasherOptions {
  /** Worker threads in the pool; defaults to os.availableParallelism(). */
  threads?: number | undefined;
  /**
   * Absolute path of the compiled worker script. Defaults to resolving
   * HASH_WORKER_SPECIFIER from the package.json in the current working
   * directory, which must depend on @gatehouse/auth.
   */
  workerFile?: string | undefined;
  /**
   * Added to the nice value of each worker thread on Linux (0 to 19), so that a
   * burst of logins yields the CPU to token checks and other requests. Defaults
   * to DEFAULT_HASH_NICE_INCREMENT. Other systems ignore it.
   */
  niceIncrement?: number | undefined;
}

/** Logins are slow by design, so they give way first when every core is busy. */
export const DEFAULT_HASH_NICE_INCREMENT = 10;

export interface WorkerPasswordHasher extends PasswordHasher {
  readonly threads: number;
  /** Waits for queued and running tasks, then stops the threads. Later calls reject. */
  close(): Promise<void>;
}

export function createWorkerPasswordHasher(options: WorkerPasswordHasherOptions = {}): WorkerPasswordHasher {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1) {
    throw new AuthError("INVALID_CONFIG", `Password hashing threads must be a whole number of at least 1, got ${String(threads)}.`);
  }
  const niceIncrement = options.niceIncrement ?? DEFAULT_HASH_NICE_INCREMENT;
  if (!Number.isInteger(niceIncrement) || niceIncrement < 0 || niceIncrement > 19) {
    throw new AuthError("INVALID_CONFIG", `niceIncrement must be a whole number from 0 to 19, got ${String(niceIncrement)}.`);
  }
  const filename = options.workerFile ?? resolveHashWorkerFile();
  const workerData: HashWorkerData = { niceIncrement };

  // Threads start with the pool and stay up, so the first login does not pay
  // for a thread start and a module load.
  const pool = new Piscina({ filename, workerData, minThreads: threads, maxThreads: threads, idleTimeout: Infinity });
  let closed = false;
  const run = async <Task, Result>(name: "hash" | "verify", task: Task): Promise<Result> => {
    if (closed) throw new Error("The password hashing pool is closed. Create a new hasher to hash passwords again.");
    return (await pool.run(task, { name })) as Result;
  };

  return {
    threads,

    async hash(password, cost) {
      assertBcryptCost(cost);
      const task: HashTask = { input: prehash(password), cost };
      return await run<HashTask, string>("hash", task);
    },

    async verify(password, hash) {
      const task: VerifyTask = { input: prehash(password), hash };
      return await run<VerifyTask, boolean>("verify", task);
    },

    async close() {
      closed = true;
      await pool.close();
    },
  };
}

/**
 * Finds the compiled worker script through Node's resolver at run time. The
 * script cannot be located relative to this module, because Next.js bundles
 * this package and the bundle has no hash-worker.js next to it, while the
 * node_modules of an app that depends on @gatehouse/auth contains the file.
 */
export function resolveHashWorkerFile(fromDirectory: string = process.cwd()): string {
  const require = createRequire(join(fromDirectory, "package.json"));
  try {
    return require.resolve(HASH_WORKER_SPECIFIER);
  } catch (error) {
    throw new AuthError(
      "INVALID_CONFIG",
      `Cannot find ${HASH_WORKER_SPECIFIER} from ${fromDirectory}: start the server in a package that depends on ` +
        "@gatehouse/auth after building it, or pass workerFile to createWorkerPasswordHasher.",
      { cause: error },
    );
  }
}
