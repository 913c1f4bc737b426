import { describe, expect, it } from "vitest";
import { describeDevice } from "./user-agent.js";

describe("describeDevice", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
      { browser: "Chrome 120", os: "Windows", type: "desktop", label: "Chrome 120 on Windows" },
    ],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
      { browser: "Safari 17", os: "macOS", type: "desktop", label: "Safari 17 on macOS" },
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Mobile Safari/537.36",
      { browser: "Chrome 121", os: "Android", type: "mobile", label: "Chrome 121 on Android" },
    ],
  ])("describes %s", (userAgent, expected) => {
    expect(describeDevice(userAgent)).toEqual(expected);
  });

  it("names a non-browser client by its product", () => {
    expect(describeDevice("curl/8.5.0").label).toBe("curl/8.5.0");
  });

  it("describes a missing user agent", () => {
    expect(describeDevice(null)).toEqual({ browser: null, os: null, type: null, label: "Unknown device" });
    expect(describeDevice("   ").label).toBe("Unknown device");
  });
});
