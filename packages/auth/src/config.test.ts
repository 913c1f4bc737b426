import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";
import { AuthError } from "./errors.js";

function configError(env: Record<string, string>): AuthError {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(env)}`);
}

describe("readConfig GATEHOUSE_HASH_THREADS", () => {
  it("defaults to one thread per core", () => {
    expect(readConfig({}).hashThreads).toBe(availableParallelism());
  });

  it("accepts 0 to hash on the main thread", () => {
    expect(readConfig({ GATEHOUSE_HASH_THREADS: "0" }).hashThreads).toBe(0);
    expect(readConfig({ GATEHOUSE_HASH_THREADS: " 3 " }).hashThreads).toBe(3);
  });

  it("rejects a negative or fractional count", () => {
    for (const value of ["-1", "1.5", "many", "257"]) {
      const error = configError({ GATEHOUSE_HASH_THREADS: value });
      expect(error.code).toBe("INVALID_CONFIG");
      expect(error.message).toContain(`GATEHOUSE_HASH_THREADS must be a whole number from 0 to 256, got "${value}"`);
    }
  });
});
