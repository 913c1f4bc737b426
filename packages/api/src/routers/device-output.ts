import type { DeviceDescription } from "@gatehouse/auth";

export interface DeviceOutput {
  browser: string | null;
  os: string | null;
  /** "desktop", "mobile", "tablet", "tv", "bot" or null. */
  type: string | null;
  /** A line to show as it is, such as "Chrome 120 on Windows". */
  label: string;
}

export function toDeviceOutput(device: DeviceDescription): DeviceOutput {
  return { browser: device.browser, os: device.os, type: device.type, label: device.label };
}
