/**
 * The client IP address that throttling and token records use. X-Forwarded-For
 * is read only when the direct peer is a configured trusted proxy, and then
 * from the right. Each trusted proxy appends the address it received the
 * request from, so the first untrusted address from the right is the client.
 * Anything left of it may be forged by that client.
 */
import type { IpRange } from "@gatehouse/auth";
import { BlockList, isIP } from "node:net";

export interface TrustedProxies {
  contains(address: string): boolean;
}

/** Builds the lookup for GATEHOUSE_TRUSTED_PROXIES as `readConfig` parsed it. */
export function createTrustedProxies(ranges: readonly IpRange[]): TrustedProxies {
  const list = new BlockList();
  for (const range of ranges) list.addSubnet(range.address, range.prefix, range.family);
  return {
    contains: (address) => {
      const version = isIP(address);
      return version !== 0 && list.check(address, version === 4 ? "ipv4" : "ipv6");
    },
  };
}

export interface ResolveClientIpOptions {
  /** The address of the TCP peer, or null when the runtime does not expose it. */
  peerAddress: string | null | undefined;
  headers: Headers;
  trustedProxies: TrustedProxies;
}

/** Returns the client's IP address, or null when the peer address is unknown or invalid. */
export function resolveClientIp(options: ResolveClientIpOptions): string | null {
  const peer = normalizeIp(options.peerAddress ?? "");
  if (peer === null) return null;
  if (!options.trustedProxies.contains(peer)) return peer;

  const hops = (options.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");

  // Walk from the proxy nearest to us towards the client.
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normalizeIp(hops[index] ?? "");
    // An entry that is not an address ends the trustworthy part of the header.
    if (hop === null) break;
    client = hop;
    if (!options.trustedProxies.contains(hop)) break;
  }
  return client;
}

/**
 * Returns a canonical form of an IP address, or null when the text is not one:
 * drops a port (":443", "[::1]:443") and a zone, lower-cases IPv6, and turns an
 * IPv4-mapped IPv6 address ("::ffff:10.0.0.1") into plain IPv4.
 */
export function normalizeIp(text: string): string | null {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "").toLowerCase();

  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(address);
  if (mapped?.[1]) address = mapped[1];
  return isIP(address) === 0 ? null : address;
}
