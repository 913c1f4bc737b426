/**
 * A private PostgreSQL server that a test starts, stops and restarts itself,
 * for outage tests that must never touch the shared server. It runs from a
 * temporary folder with trust authentication on 127.0.0.1 only. When the test
 * runs as root, the server runs as the `postgres` OS user, because PostgreSQL
 * refuses to start as root.
 */
import { execFile } from "node:child_process";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Debian's location of the PostgreSQL 15 server programs; TEST_POSTGRES_BIN_DIR overrides it. */
export const DEFAULT_POSTGRES_BIN_DIR = "/usr/lib/postgresql/15/bin";

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Stops the server ("fast" mode: open connections are closed at once). */
  stop(): Promise<void>;
  /** Starts the stopped server again on the same port and data. */
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its folder. */
  destroy(): Promise<void>;
}

export interface ThrowawayPostgresOptions {
  /** Defaults to a port that was free a moment before, so parallel test runs do not collide. */
  port?: number | undefined;
}

export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const port = options.port ?? (await findFreePort());
  const binDir = process.env.TEST_POSTGRES_BIN_DIR ?? DEFAULT_POSTGRES_BIN_DIR;
  const folder = await mkdtemp(join(tmpdir(), "gatehouse-pg-"));
  const dataDir = join(folder, "data");
  const logFile = join(folder, "server.log");
  const asRoot = process.getuid?.() === 0;

  const pg = async (program: string, args: string[]): Promise<void> => {
    const command = asRoot ? "runuser" : join(binDir, program);
    const fullArgs = asRoot ? ["-u", "postgres", "--", join(binDir, program), ...args] : args;
    try {
      await run(command, fullArgs, { timeout: 60_000 });
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
      const log = await readFile(logFile, "utf8").catch(() => "");
      throw new Error(
        `${program} failed for the throwaway PostgreSQL on port ${port}: ${detail}. Server log: ${log.slice(-500) || "(none)"}. ` +
          `It needs PostgreSQL's server programs in ${binDir} (set TEST_POSTGRES_BIN_DIR) and a free port.`,
      );
    }
  };

  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    await chown(folder, Number(stdout.trim()), Number(group.trim()));
  }

  const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const start = async (): Promise<void> => {
    await pg("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", logFile, "-w", "-t", "30", "start"]);
    running = true;
  };
  const stop = async (): Promise<void> => {
    await pg("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
    running = false;
  };

  try {
    await pg("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
    await start();
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    destroy: async () => {
      if (running) await stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
