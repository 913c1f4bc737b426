import Bowser from "bowser";

/** A client's software as a session list shows it. Fields are null when the user agent does not name them. */
export interface DeviceDescription {
  browser: string | null;
  os: string | null;
  /** "desktop", "mobile", "tablet", "tv" or "bot", as bowser 2 reports the platform type. */
  type: string | null;
  /** One line for people, such as "Firefox 128 on Windows" or "Unknown device". */
  label: string;
}

/** Describes the browser and operating system named in a User-Agent header. */
export function describeDevice(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent) return { browser: null, os: null, type: null, label: "Unknown device" };

  const parsed = Bowser.parse(userAgent);
  const browser = joinNonEmpty([parsed.browser.name, majorVersion(parsed.browser.version)]);
  // Only the name: current browsers freeze the version in the header (macOS reads
  // 10.15.7 and Windows 11 reads NT 10.0), so a version would often be wrong.
  const os = parsed.os.name || null;
  const type = parsed.platform.type || null;

  let label: string;
  if (browser && os) label = `${browser} on ${os}`;
  else label = browser ?? os ?? firstProduct(userAgent);
  return { browser, os, type, label };
}

function majorVersion(version: string | undefined): string | undefined {
  return version ? version.split(".")[0] : undefined;
}

function joinNonEmpty(parts: Array<string | undefined>): string | null {
  const text = parts.filter((part) => part).join(" ");
  return text || null;
}

/** Returns the first product token, such as "curl/8.5.0", for clients that are not browsers. */
function firstProduct(userAgent: string): string {
  const token = userAgent.trim().split(/\s+/)[0] ?? "";
  return token ? token.slice(0, 64) : "Unknown device";
}
