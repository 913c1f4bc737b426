import { parseTrustedProxies } from "@gatehouse/auth";
import { describe, expect, it } from "vitest";
import { createTrustedProxies, normalizeIp, resolveClientIp } from "./client-ip";

const trusted = createTrustedProxies(parseTrustedProxies("10.0.0.0/8, 192.168.1.7, fd00::/8"));
const none = createTrustedProxies([]);

function clientIp(peerAddress: string | null, forwardedFor?: string | string[], proxies = trusted): string | null {
  const headers = new Headers();
  for (const value of [forwardedFor ?? []].flat()) headers.append("x-forwarded-for", value);
  return resolveClientIp({ peerAddress, headers, trustedProxies: proxies });
}

describe("resolveClientIp", () => {
  it("uses the peer when no proxy is trusted", () => {
    expect(clientIp("203.0.113.9", "198.51.100.1", none)).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from an untrusted peer", () => {
    expect(clientIp("203.0.113.9", "10.0.0.1")).toBe("203.0.113.9");
    expect(clientIp("203.0.113.9", "1.2.3.4, 5.6.7.8")).toBe("203.0.113.9");
  });

  it("takes the client a trusted proxy appended", () => {
    expect(clientIp("10.1.2.3", "198.51.100.1")).toBe("198.51.100.1");
    expect(clientIp("192.168.1.7", "198.51.100.1")).toBe("198.51.100.1");
  });

  it("ignores addresses the client forged on the left", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1", and the proxy appended the real address.
    expect(clientIp("10.1.2.3", "1.1.1.1, 198.51.100.1")).toBe("198.51.100.1");
    expect(clientIp("10.1.2.3", ["1.1.1.1", "198.51.100.1"])).toBe("198.51.100.1");
  });

  it("walks past a chain of trusted proxies", () => {
    expect(clientIp("10.0.0.1", "198.51.100.1, 10.0.0.3, 10.0.0.2")).toBe("198.51.100.1");
  });

  it("stops at a forged trusted address left of the client", () => {
    expect(clientIp("10.0.0.1", "10.9.9.9, 198.51.100.1, 10.0.0.2")).toBe("198.51.100.1");
  });

  it("stops at an entry that is not an address", () => {
    expect(clientIp("10.0.0.1", "198.51.100.1, unknown, 10.0.0.2")).toBe("10.0.0.2");
    expect(clientIp("10.0.0.1", "<script>")).toBe("10.0.0.1");
  });

  it("falls back to the proxy without the header", () => {
    expect(clientIp("10.0.0.1")).toBe("10.0.0.1");
    expect(clientIp("10.0.0.1", " , ,")).toBe("10.0.0.1");
  });

  it("returns the leftmost address when every hop is trusted", () => {
    expect(clientIp("10.0.0.1", "10.0.0.5, 10.0.0.2")).toBe("10.0.0.5");
  });

  it("handles IPv6 peers, ports and mapped IPv4", () => {
    expect(clientIp("fd00::1", "[2001:db8::1]:4711")).toBe("2001:db8::1");
    expect(clientIp("::ffff:10.0.0.1", "198.51.100.1:8080")).toBe("198.51.100.1");
    expect(clientIp("::ffff:203.0.113.9", "198.51.100.1")).toBe("203.0.113.9");
    expect(clientIp("2001:DB8::5", "198.51.100.1")).toBe("2001:db8::5");
  });

  it("returns null for an unknown or invalid peer", () => {
    expect(clientIp(null, "198.51.100.1")).toBeNull();
    expect(clientIp("not-an-ip", "198.51.100.1")).toBeNull();
  });
});

describe("normalizeIp", () => {
  it("rejects text that is not an address", () => {
    for (const text of ["", "1.2.3", "1.2.3.4.5", "999.1.1.1", "example.com", "1.2.3.4/8", "::g"]) {
      expect(normalizeIp(text), text).toBeNull();
    }
  });
});

describe("parseTrustedProxies", () => {
  it("parses addresses and ranges", () => {
    expect(parseTrustedProxies(" 10.0.0.0/8 ,::1, ")).toEqual([
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "::1", prefix: 128, family: "ipv6" },
    ]);
    expect(parseTrustedProxies("")).toEqual([]);
  });

  it("names an invalid entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.local")).toThrow('"proxy.local" is not an IP address');
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow("use 0 to 32");
    expect(() => parseTrustedProxies("10.0.0.0/")).toThrow("invalid prefix length");
    expect(() => parseTrustedProxies("fd00::/8/9")).toThrow("is not an IP address");
  });
});
