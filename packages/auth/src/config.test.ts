import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";
import { DEFAULT_CONNECT_TIMEOUT_SECONDS } from "./database.js";
import { AuthError } from "./errors.js";

describe("readConfig", () => {
  it("defaults the session timeouts and purge interval", () => {
    const config = readConfig({});
    expect(config.sessionIdleSeconds).toBe(86_400);
    expect(config.sessionAbsoluteSeconds).toBe(2_592_000);
    expect(config.purgeIntervalSeconds).toBe(3_600);
  });

  it("reads the session variables", () => {
    const config = readConfig({
      GATEHOUSE_SESSION_IDLE_SECONDS: "600",
      GATEHOUSE_SESSION_ABSOLUTE_SECONDS: "7200",
      GATEHOUSE_PURGE_INTERVAL_SECONDS: "0",
    });
    expect(config.sessionIdleSeconds).toBe(600);
    expect(config.sessionAbsoluteSeconds).toBe(7200);
    expect(config.purgeIntervalSeconds).toBe(0);
  });

  it("accepts GATEHOUSE_TOKEN_TTL_SECONDS as the idle timeout", () => {
    expect(readConfig({ GATEHOUSE_TOKEN_TTL_SECONDS: "900" }).sessionIdleSeconds).toBe(900);
    expect(readConfig({ GATEHOUSE_TOKEN_TTL_SECONDS: "900", GATEHOUSE_SESSION_IDLE_SECONDS: "900" }).sessionIdleSeconds).toBe(900);
  });

  it("accepts a one-second token lifetime", () => {
    expect(readConfig({ GATEHOUSE_TOKEN_TTL_SECONDS: "1" }).sessionIdleSeconds).toBe(1);
  });

  it("rejects conflicting idle variables", () => {
    expect(() => readConfig({ GATEHOUSE_TOKEN_TTL_SECONDS: "900", GATEHOUSE_SESSION_IDLE_SECONDS: "600" })).toThrow(
      /Unset GATEHOUSE_TOKEN_TTL_SECONDS/,
    );
  });

  it("raises the default absolute timeout to the idle one", () => {
    const config = readConfig({ GATEHOUSE_SESSION_IDLE_SECONDS: String(40 * 86_400) });
    expect(config.sessionAbsoluteSeconds).toBe(40 * 86_400);
  });

  it("rejects an absolute timeout below the idle one", () => {
    expect(() => readConfig({ GATEHOUSE_SESSION_IDLE_SECONDS: "7200", GATEHOUSE_SESSION_ABSOLUTE_SECONDS: "3600" })).toThrow(
      /GATEHOUSE_SESSION_ABSOLUTE_SECONDS \(3600\) must not be less than the idle timeout \(7200\)/,
    );
  });

  it.each([
    ["GATEHOUSE_SESSION_IDLE_SECONDS", "0"],
    ["GATEHOUSE_TOKEN_TTL_SECONDS", "0"],
    ["GATEHOUSE_SESSION_ABSOLUTE_SECONDS", "soon"],
    ["GATEHOUSE_PURGE_INTERVAL_SECONDS", "-1"],
  ])("rejects %s=%s naming the variable", (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`${name} must be a whole number`));
  });

  it("trusts no proxy by default", () => {
    const config = readConfig({});
    expect(config.trustedProxies).toEqual([]);
    expect(config.dbConnectTimeoutSeconds).toBe(DEFAULT_CONNECT_TIMEOUT_SECONDS);
  });

  it("parses GATEHOUSE_TRUSTED_PROXIES", () => {
    const config = readConfig({ GATEHOUSE_TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::1" });
    expect(config.trustedProxies).toEqual([
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "2001:db8::1", prefix: 128, family: "ipv6" },
    ]);
  });

  it("names an invalid proxy entry", () => {
    expect(() => readConfig({ GATEHOUSE_TRUSTED_PROXIES: "10.0.0.0/8, lb.internal" })).toThrow(
      'GATEHOUSE_TRUSTED_PROXIES: "lb.internal" is not an IP address',
    );
  });

  it("checks the connect timeout range", () => {
    expect(readConfig({ GATEHOUSE_DB_CONNECT_TIMEOUT_SECONDS: "5" }).dbConnectTimeoutSeconds).toBe(5);
    expect(() => readConfig({ GATEHOUSE_DB_CONNECT_TIMEOUT_SECONDS: "0" })).toThrow(
      "GATEHOUSE_DB_CONNECT_TIMEOUT_SECONDS must be a whole number from 1 to 60",
    );
  });
});

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

describe("readConfig GATEHOUSE_THROTTLE_FREE_ATTEMPTS", () => {
  it("defaults to five attempts", () => {
    expect(readConfig({}).throttleFreeAttempts).toBe(5);
  });

  it("rejects zero", () => {
    expect(configError({ GATEHOUSE_THROTTLE_FREE_ATTEMPTS: "0" }).message).toContain(
      "GATEHOUSE_THROTTLE_FREE_ATTEMPTS must be a whole number from 1 to 1000000",
    );
  });
});
