import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthService } from "./auth-service.js";
import { AuthError } from "./errors.js";
import { inlinePasswordHasher, readBcryptCost, type PasswordHasher } from "./password.js";
import { createTestDatabase, testDrivers, type TestDatabase } from "./testing/index.js";
import { createWorkerPasswordHasher, resolveHashWorkerFile, type WorkerPasswordHasher } from "./worker-password-hasher.js";

const PASSWORD = "correct horse battery staple";
const COMPILED_ENTRY = fileURLToPath(new URL("../dist/index.js", import.meta.url));

// These tests load the compiled worker script from dist/, so the package must be
// built first (turbo's test task depends on build for this package).
let pool: WorkerPasswordHasher;

beforeAll(() => {
  pool = createWorkerPasswordHasher({ threads: 2 });
});

afterAll(async () => {
  await pool?.close();
});

async function authErrorOf(run: () => unknown): Promise<AuthError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error("expected an AuthError, but the call succeeded");
}

/**
 * Starts `count` hashes at once and returns the largest event-loop delay seen
 * meanwhile, in milliseconds. The histogram records a delay only when its timer
 * fires, so it runs for one period before the hashes start and after they end.
 */
async function maxLoopDelayWhileHashing(hasher: PasswordHasher, count: number, cost: number): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await sleep(50);

  await Promise.all(Array.from({ length: count }, (_, index) => hasher.hash(`${PASSWORD} ${index}`, cost)));

  await sleep(50);
  histogram.disable();
  return histogram.max / 1e6;
}

/** Reads the nice value of every thread of this process (field 19 of /proc/<pid>/task/<tid>/stat, see proc(5)). */
async function threadNiceValues(): Promise<number[]> {
  const folder = `/proc/${process.pid}/task`;
  const values: number[] = [];
  for (const threadId of await readdir(folder)) {
    const stat = await readFile(`${folder}/${threadId}/stat`, "utf8");
    // Fields after the parenthesised command name start at field 3 (state), so nice is index 16.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    values.push(Number(fields[16]));
  }
  return values;
}

describe("createWorkerPasswordHasher", () => {
  it("verifies hashes made by the inline hasher", async () => {
    const hash = await inlinePasswordHasher.hash(PASSWORD, 4);
    expect(await pool.verify(PASSWORD, hash)).toBe(true);
    expect(await pool.verify(`${PASSWORD}!`, hash)).toBe(false);
  });

  it("makes hashes the inline hasher verifies", async () => {
    const hash = await pool.hash(PASSWORD, 5);
    expect(hash).toMatch(/^\$2b\$05\$[./A-Za-z0-9]{53}$/);
    expect(readBcryptCost(hash)).toBe(5);
    expect(await inlinePasswordHasher.verify(PASSWORD, hash)).toBe(true);
    expect(await inlinePasswordHasher.verify(`${PASSWORD}!`, hash)).toBe(false);
  });

  it("salts each hash", async () => {
    const [first, second] = await Promise.all([pool.hash(PASSWORD, 4), pool.hash(PASSWORD, 4)]);
    expect(first).not.toBe(second);
  });

  it("rejects an invalid cost before queueing", async () => {
    const error = await authErrorOf(() => pool.hash(PASSWORD, 3));
    expect(error.code).toBe("INVALID_CONFIG");
    expect(error.message).toContain("from 4 to 31");
  });

  it("rejects a thread count below one", async () => {
    const error = await authErrorOf(() => createWorkerPasswordHasher({ threads: 0 }));
    expect(error.code).toBe("INVALID_CONFIG");
    expect(error.message).toContain("at least 1, got 0");
  });

  it("rejects a nice increment out of range", async () => {
    const error = await authErrorOf(() => createWorkerPasswordHasher({ threads: 1, niceIncrement: 20 }));
    expect(error.code).toBe("INVALID_CONFIG");
    expect(error.message).toContain("from 0 to 19, got 20");
  });

  it("lowers the priority of its threads only", async () => {
    expect(process.platform, "thread priorities are read from Linux's /proc").toBe("linux");
    const base = getPriority();
    const niced = createWorkerPasswordHasher({ threads: 2, niceIncrement: 5 });
    try {
      await Promise.all([niced.hash(PASSWORD, 4), niced.hash(PASSWORD, 4)]);
      const niceValues = await threadNiceValues();
      expect(niceValues.filter((value) => value === base + 5).length).toBeGreaterThanOrEqual(2);
      expect(getPriority()).toBe(base);
    } finally {
      await niced.close();
    }
  });

  it("rejects calls after close", async () => {
    const closing = createWorkerPasswordHasher({ threads: 1 });
    expect(await closing.verify(PASSWORD, await closing.hash(PASSWORD, 4))).toBe(true);
    await closing.close();
    await expect(closing.hash(PASSWORD, 4)).rejects.toThrow();
  });

  // The package's test script runs this file without other files beside it,
  // because their CPU load would delay this thread's timers as well.
  it("keeps the event loop responsive during 8 cost-10 hashes", async () => {
    const maxDelayMs = await maxLoopDelayWhileHashing(pool, 8, 10);
    expect(maxDelayMs).toBeLessThan(200);
  });

  it("detects the stall the inline hasher causes", async () => {
    // The same measurement on bcryptjs's async API. bcryptjs 3.0.3 splits a hash into
    // setImmediate callbacks of up to 100 ms each, and a cost-10 hash fits in one,
    // so the callbacks of 8 hashes run back to back and stall the loop for several hundred ms.
    const maxDelayMs = await maxLoopDelayWhileHashing(inlinePasswordHasher, 8, 10);
    expect(maxDelayMs).toBeGreaterThan(200);
  });
});

describe("resolveHashWorkerFile", () => {
  it("finds the compiled worker from this package", () => {
    expect(resolveHashWorkerFile()).toMatch(/[/\\]dist[/\\]hash-worker\.js$/);
  });

  it("names the fix when the package is missing", async () => {
    // pnpm's command shims set NODE_PATH to its store, where the package is
    // found from any folder, so the lookup runs in a Node.js process without it.
    const folder = await mkdtemp(join(tmpdir(), "gatehouse-no-auth-"));
    try {
      const script =
        `import { resolveHashWorkerFile } from ${JSON.stringify(pathToFileURL(COMPILED_ENTRY).href)};` +
        "try { resolveHashWorkerFile(); } catch (error) { console.log(JSON.stringify({ code: error.code, message: error.message })); }";
      const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: folder,
        encoding: "utf8",
        env: { ...process.env, NODE_PATH: "" },
      });
      const error = JSON.parse(output) as { code: string; message: string };
      expect(error.code).toBe("INVALID_CONFIG");
      expect(error.message).toContain("@gatehouse/auth/hash-worker");
      expect(error.message).toContain("workerFile");
    } finally {
      await rm(folder, { recursive: true });
    }
  });
});

describe.each(testDrivers())("auth service with worker hasher on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("registers and logs in through the pool", async () => {
    const auth = createAuthService({ db: database.db, bcryptCost: 4, hasher: pool });
    const { user } = await auth.register({ email: "pool@example.com", password: PASSWORD });

    const token = await auth.login({ email: "pool@example.com", password: PASSWORD });
    expect((await auth.validate(token.accessToken))?.user.id).toBe(user.id);

    const wrong = await authErrorOf(() => auth.login({ email: "pool@example.com", password: `${PASSWORD}!` }));
    expect(wrong.code).toBe("INVALID_CREDENTIALS");
  });

  it("logs in with a hash stored by the inline hasher", async () => {
    const inline = createAuthService({ db: database.db, bcryptCost: 4 });
    await inline.register({ email: "inline@example.com", password: PASSWORD });

    const pooled = createAuthService({ db: database.db, bcryptCost: 4, hasher: pool });
    const token = await pooled.login({ email: "inline@example.com", password: PASSWORD });
    expect(token.accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
