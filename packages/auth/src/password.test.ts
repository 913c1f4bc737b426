import { describe, expect, it } from "vitest";
import { AuthError } from "./errors.js";
import {
  assertBcryptCost,
  countCodePoints,
  inlinePasswordHasher,
  MAX_PASSWORD_LENGTH,
  parsePassword,
  prehash,
  readBcryptCost,
} from "./password.js";

const COST = 4;

function rejection(raw: string): AuthError {
  try {
    parsePassword(raw);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error(`parsePassword accepted a ${raw.length}-unit password`);
}

describe("parsePassword", () => {
  it("accepts exactly 8 characters and rejects 7", () => {
    expect(parsePassword("abcdefgh")).toBe("abcdefgh");
    const error = rejection("abcdefg");
    expect(error.code).toBe("INVALID_PASSWORD");
    expect(error.field).toBe("password");
    expect(error.message).toContain("at least 8 characters");
  });

  it("counts code points, not UTF-16 units", () => {
    // Four emoji are 8 UTF-16 units but only 4 characters.
    expect(rejection("😀😀😀😀").message).toContain("at least 8");
    expect(parsePassword("😀😀😀😀😀😀😀😀")).toHaveLength(16);
  });

  it("counts characters after NFKC normalisation", () => {
    // "ｆｕｌｌｗｉｄｔｈ" is fullwidth; NFKC maps it to ASCII of the same length.
    expect(parsePassword("ｆｕｌｌｗｉｄｔｈ")).toBe("fullwidth");
    // U+FB03 (ffi ligature) becomes three characters, so 6 ligatures pass the minimum.
    expect(countCodePoints(parsePassword("\uFB03".repeat(3)))).toBe(9);
  });

  it("allows 256 characters of four-byte text", () => {
    const password = "𝄞".repeat(MAX_PASSWORD_LENGTH);
    expect(Buffer.byteLength(password, "utf8")).toBe(1024);
    expect(countCodePoints(parsePassword(password))).toBe(MAX_PASSWORD_LENGTH);
  });

  it("rejects 257 characters with the limit", () => {
    expect(rejection("a".repeat(MAX_PASSWORD_LENGTH + 1)).message).toContain("at most 256 characters");
  });

  it("rejects a megabyte of input", () => {
    expect(rejection("x".repeat(1_000_000)).message).toContain("at most 256");
  });

  it("uses the given field name", () => {
    try {
      parsePassword("short", "newPassword");
      expect.unreachable();
    } catch (error) {
      expect((error as AuthError).field).toBe("newPassword");
    }
  });
});

describe("prehash", () => {
  it("is 44 base64 characters with no NUL byte", () => {
    const digest = prehash("correct horse battery staple");
    expect(digest).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("keeps a known answer so stored hashes stay valid", () => {
    // HMAC-SHA-256 with key "gatehouse/bcrypt-prehash/v1", computed with
    // `printf %s password | openssl dgst -sha256 -hmac gatehouse/bcrypt-prehash/v1 -binary | base64`.
    expect(prehash("password")).toBe(KNOWN_PREHASH_OF_PASSWORD);
  });
});

describe("inlinePasswordHasher", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await inlinePasswordHasher.hash("correct horse battery staple", COST);
    expect(hash).toMatch(/^\$2b\$04\$/);
    expect(await inlinePasswordHasher.verify("correct horse battery staple", hash)).toBe(true);
    expect(await inlinePasswordHasher.verify("correct horse battery stapl", hash)).toBe(false);
  });

  it("tells apart passwords that share their first 72 bytes", async () => {
    const shared = "a".repeat(72);
    const hash = await inlinePasswordHasher.hash(`${shared}one`, COST);
    expect(await inlinePasswordHasher.verify(`${shared}one`, hash)).toBe(true);
    expect(await inlinePasswordHasher.verify(`${shared}two`, hash)).toBe(false);
    expect(await inlinePasswordHasher.verify(shared, hash)).toBe(false);
  });

  it("tells apart multibyte passwords past 72 bytes", async () => {
    // 24 three-byte characters fill 72 bytes; the passwords differ only after that.
    const shared = "語".repeat(24);
    const hash = await inlinePasswordHasher.hash(`${shared}甲`, COST);
    expect(await inlinePasswordHasher.verify(`${shared}乙`, hash)).toBe(false);
  });

  it("writes hashes at the requested cost", async () => {
    expect(readBcryptCost(await inlinePasswordHasher.hash("abcdefgh", 5))).toBe(5);
  });
});

describe("assertBcryptCost", () => {
  it.each([3, 32, 10.5, Number.NaN])("rejects %s", (cost) => {
    expect(() => assertBcryptCost(cost)).toThrow(/from 4 to 31/);
  });

  it("accepts 4 and 31", () => {
    expect(() => assertBcryptCost(4)).not.toThrow();
    expect(() => assertBcryptCost(31)).not.toThrow();
  });
});

const KNOWN_PREHASH_OF_PASSWORD = "0Ix2lEye8vibL1MI+aRlKjH6pW4kS/y3/DbqmFkUzSc=";
