import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "./database.js";
import { AuthError } from "./errors.js";
import { queryRows } from "./testing/index.js";

describe("PGlite data folder lock", () => {
  const opened: DatabaseHandle[] = [];
  let folder: string | undefined;

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((handle) => handle.close()));
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("rejects a second opener and names the folder", async () => {
    folder = await mkdtemp(join(tmpdir(), "gatehouse-lock-"));
    const dataDir = join(folder, "db");
    opened.push(await openDatabase({ dataDir }));

    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(AuthError);
    await expect(second).rejects.toMatchObject({ code: "DATA_DIR_LOCKED" });
    await expect(second).rejects.toThrow(dataDir);
    await expect(second).rejects.toThrow(/GATEHOUSE_DATA_DIR/);
  });

  it("releases the folder on close and keeps the data", async () => {
    folder = await mkdtemp(join(tmpdir(), "gatehouse-lock-"));
    const dataDir = join(folder, "db");
    const first = await openDatabase({ dataDir });
    await first.db.execute("create table kept (value int)");
    await first.db.execute("insert into kept values (42)");
    await first.close();
    await expect(stat(`${dataDir}.lock`)).rejects.toMatchObject({ code: "ENOENT" });

    const second = await openDatabase({ dataDir });
    opened.push(second);
    expect(await queryRows(second.db, "select value from kept")).toEqual([{ value: 42 }]);
  });
});
