import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";

describe("readConfig", () => {
  it("accepts a one-second token lifetime", () => {
    expect(readConfig({ GATEHOUSE_TOKEN_TTL_SECONDS: "1" }).tokenTtlSeconds).toBe(1);
  });

  it("rejects a zero token lifetime", () => {
    expect(() => readConfig({ GATEHOUSE_TOKEN_TTL_SECONDS: "0" })).toThrow(/GATEHOUSE_TOKEN_TTL_SECONDS must be a whole number from 1 to 31622400/);
  });

  it("defaults the token lifetime to 24 hours", () => {
    expect(readConfig({}).tokenTtlSeconds).toBe(86_400);
  });
});
