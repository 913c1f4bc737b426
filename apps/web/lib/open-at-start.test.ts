import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type DatabaseHandle } from "@gatehouse/auth";
import { createTestDatabase, type TestDatabase } from "@gatehouse/auth/testing";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";

// open-at-start.ts imports "server-only", which throws outside a React server bundle.
vi.mock("server-only", () => ({}));
const { openAtStart } = await import("./open-at-start");
const { getServer } = await import("./server");

/** Thrown in place of exiting, so the test process survives and can inspect the call. */
class ExitCalled extends Error {
  constructor(readonly code: number | string | null | undefined) {
    super(`process.exit(${String(code)})`);
  }
}

const SERVER_KEY = Symbol.for("gatehouse.server");

/** Closes the process-wide server a test opened, so the next test starts from nothing. */
async function closeServer(): Promise<void> {
  const store = globalThis as Record<symbol, Promise<Awaited<ReturnType<typeof getServer>>> | undefined>;
  const started = store[SERVER_KEY];
  delete store[SERVER_KEY];
  const server = await started?.catch(() => undefined);
  await server?.purgeSchedule.stop();
  await server?.database.close();
}

// A fresh PGlite folder takes several seconds to initialise on a 2-core machine.
describe("openAtStart", { timeout: 60_000 }, () => {
  let folder: string;
  let exit: MockInstance<typeof process.exit>;
  let stderr: MockInstance<typeof process.stderr.write>;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "gatehouse-start-"));
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("GATEHOUSE_DATA_DIR", join(folder, "data"));
    vi.stubEnv("GATEHOUSE_LOG_LEVEL", "silent");
    vi.stubEnv("GATEHOUSE_PURGE_INTERVAL_SECONDS", "0");
    exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new ExitCalled(code);
    });
    stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  });

  afterEach(async () => {
    exit.mockRestore();
    stderr.mockRestore();
    vi.unstubAllEnvs();
    await closeServer();
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await rm(folder, { recursive: true, force: true });
  });

  const written = (): string => stderr.mock.calls.map(([chunk]) => String(chunk)).join("");

  it("exits when the data folder is locked", async () => {
    const holder: DatabaseHandle = await openDatabase({ dataDir: join(folder, "data") });
    cleanups.push(() => holder.close());

    await expect(openAtStart({ lockWaitMs: 2_000 })).rejects.toBeInstanceOf(ExitCalled);

    expect(exit).toHaveBeenCalledWith(1);
    expect(written()).toContain("waiting for the lock");
    expect(written()).toContain("Gatehouse cannot start: The embedded database folder");
    expect(written()).toContain("in use by another Gatehouse process");
    expect(written()).not.toMatch(/\n\s+at /);
  });

  it("waits for a lock that clears", async () => {
    const holder: DatabaseHandle = await openDatabase({ dataDir: join(folder, "data") });
    const released = new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => holder.close());

    await openAtStart({ lockWaitMs: 15_000 });
    await released;

    expect(exit).not.toHaveBeenCalled();
    expect((await getServer()).database.driver).toBe("pglite");
  });

  it("exits on invalid configuration", async () => {
    vi.stubEnv("GATEHOUSE_BCRYPT_COST", "2");

    await expect(openAtStart()).rejects.toBeInstanceOf(ExitCalled);

    expect(exit).toHaveBeenCalledWith(1);
    expect(written()).toMatch(/^Gatehouse cannot start: Invalid configuration: GATEHOUSE_BCRYPT_COST/);
  });

  it("exits when the PostgreSQL database is missing", async () => {
    const database: TestDatabase = await createTestDatabase("postgres");
    const missing = new URL(database.url ?? "");
    missing.pathname = `${missing.pathname}_missing`;
    cleanups.push(() => database.close());
    vi.stubEnv("DATABASE_URL", missing.toString());

    await expect(openAtStart()).rejects.toBeInstanceOf(ExitCalled);

    expect(exit).toHaveBeenCalledWith(1);
    expect(written()).toContain("Gatehouse cannot start: the PostgreSQL server in DATABASE_URL rejected the connection");
    expect(written()).toContain("does not exist");
  });

  it.each(["pglite", "postgres"] as const)("opens a %s database without exiting", async (driver) => {
    if (driver === "postgres") {
      const database: TestDatabase = await createTestDatabase("postgres");
      cleanups.push(() => database.close());
      vi.stubEnv("DATABASE_URL", database.url ?? "");
    }

    await openAtStart();

    expect(exit).not.toHaveBeenCalled();
    const server = await getServer();
    expect(server.database.driver).toBe(driver);
  });
});
