import { describe, expect, it } from "vitest";
import { normalizeEmail, parseEmail } from "./email.js";
import { AuthError, isAuthError } from "./errors.js";

function rejection(raw: string): AuthError {
  try {
    parseEmail(raw);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error(`parseEmail accepted ${JSON.stringify(raw)}`);
}

describe("normalizeEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Ana.Silva@Example.COM \n")).toBe("ana.silva@example.com");
  });

  it("folds fullwidth characters to ASCII", () => {
    expect(normalizeEmail("ＡＮＡ＠ｅｘａｍｐｌｅ．ｃｏｍ")).toBe("ana@example.com");
  });

  it("folds compatibility ligatures", () => {
    // U+FB01 LATIN SMALL LIGATURE FI becomes "fi" under NFKC.
    expect(normalizeEmail("\uFB01nn@example.com")).toBe("finn@example.com");
  });
});

describe("parseEmail", () => {
  it("accepts ordinary and internationalised addresses", () => {
    expect(parseEmail("first.last+tag@sub.example.co.uk")).toBe("first.last+tag@sub.example.co.uk");
    expect(parseEmail("José@Bücher.example")).toBe("josé@bücher.example");
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["no-at-sign.example.com", "name@example.com"],
    ["@example.com", "name@example.com"],
    ["ana@", "name@example.com"],
    ["ana@localhost", "domain"],
    ["ana@exa mple.com", "domain"],
    ["ana@-example.com", "domain"],
    ["a..b@example.com", "before"],
    [".ana@example.com", "before"],
    ["an a@example.com", "before"],
    ["ana@@example.com", "name@example.com"],
    ["ana\u0000@example.com", "before"],
  ])("rejects %j with a message about %s", (raw, hint) => {
    const error = rejection(raw);
    expect(error.code).toBe("INVALID_EMAIL");
    expect(error.field).toBe("email");
    expect(error.message).toContain(hint);
  });

  it("rejects a local part over 64 characters", () => {
    expect(rejection(`${"a".repeat(65)}@example.com`).message).toContain("at most 64");
    expect(parseEmail(`${"a".repeat(64)}@example.com`)).toHaveLength(76);
  });

  it("rejects an address over 254 characters", () => {
    const domain = `${"d".repeat(63)}.${"e".repeat(63)}.${"f".repeat(63)}.${"g".repeat(57)}.com`;
    expect(`ana@${domain}`).toHaveLength(257);
    expect(rejection(`ana@${domain}`).message).toContain("at most 254");
  });

  it("rejects a megabyte of input before normalising it", () => {
    expect(rejection("a".repeat(1_000_000)).message).toContain("at most 254");
  });
});

describe("isAuthError", () => {
  it("recognises errors by brand, not only by class identity", () => {
    const error = rejection("bad");
    expect(isAuthError(error)).toBe(true);
    // A copy of the module loaded by another bundle makes an object with the same brand.
    const foreign = Object.assign(new Error("x"), { [Symbol.for("gatehouse.AuthError")]: true });
    expect(isAuthError(foreign)).toBe(true);
    expect(isAuthError(new Error("plain"))).toBe(false);
    expect(isAuthError(null)).toBe(false);
  });
});
