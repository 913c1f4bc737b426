import { fileURLToPath } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "./migrations.generated.js";

describe("embedded migrations", () => {
  it("match the drizzle-kit output in drizzle/", () => {
    const folder = fileURLToPath(new URL("../drizzle", import.meta.url));
    // When this fails, run `pnpm db:generate` in packages/auth to refresh the embedded copy.
    expect(MIGRATIONS).toEqual(readMigrationFiles({ migrationsFolder: folder }));
  });
});
