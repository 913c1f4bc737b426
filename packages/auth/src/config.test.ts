import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";
import { DEFAULT_CONNECT_TIMEOUT_SECONDS } from "./database.js";

describe("readConfig", () => {
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
