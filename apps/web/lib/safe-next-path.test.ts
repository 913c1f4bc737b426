import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT_PATH, safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it.each([
    ["/account", "/account"],
    ["/account?tab=security", "/account?tab=security"],
    ["/account#sessions", "/account#sessions"],
    ["/a/../account", "/account"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps the site path %j", (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it.each([
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/account"],
    ["a backslash after the slash", "/\\evil.example"],
    ["a backslash pair", "\\\\evil.example"],
    ["an absolute https URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "account"],
    ["a tab inside the slashes", "/\t/evil.example"],
    ["a newline inside the slashes", "/\n/evil.example"],
    ["a NUL byte", "/account\u0000"],
    ["a C1 control character", "/\u0085/evil.example"],
    ["an empty string", ""],
    ["an oversized path", `/${"a".repeat(2048)}`],
    ["a non-string", ["/account"]],
    ["undefined", undefined],
  ])("rejects %s", (_case, raw) => {
    expect(safeNextPath(raw)).toBe(DEFAULT_NEXT_PATH);
  });
});
