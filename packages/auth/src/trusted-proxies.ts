/**
 * Parsing of the trusted-proxy list (GATEHOUSE_TRUSTED_PROXIES): IP addresses
 * and CIDR ranges, IPv4 or IPv6, separated by commas. Only requests whose
 * direct peer is in this list may name the client in X-Forwarded-For.
 */
import { isIP } from "node:net";

export interface IpRange {
  /** The network address as written, such as "10.0.0.0" or "fd00::". */
  address: string;
  /** Prefix length in bits: 32 or 128 for a single address. */
  prefix: number;
  family: "ipv4" | "ipv6";
}

/**
 * Parses "10.0.0.0/8, 192.168.1.7, fd00::/8" into ranges, throwing an Error
 * that names the first invalid entry. An empty or blank list trusts no proxy.
 */
export function parseTrustedProxies(list: string): IpRange[] {
  const ranges: IpRange[] = [];
  for (const raw of list.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;

    const [address = "", prefixText, extra] = entry.split("/");
    const version = isIP(address);
    if (version === 0 || extra !== undefined) {
      throw new Error(`"${entry}" is not an IP address or CIDR range such as 10.0.0.0/8 or fd00::/8.`);
    }
    const maxPrefix = version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
    if (!/^\d{1,3}$/.test(prefixText ?? String(maxPrefix)) || prefix > maxPrefix) {
      throw new Error(`"${entry}" has an invalid prefix length: use 0 to ${maxPrefix}.`);
    }
    ranges.push({ address, prefix, family: version === 4 ? "ipv4" : "ipv6" });
  }
  return ranges;
}
