/**
 * The ratios `pnpm bench` reports, their targets, and the table and JSON file
 * they are written to.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export interface Ratio {
  name: string;
  /** The numerator and denominator with their values, in words. */
  definition: string;
  /** null when the ratio could not be measured, with the reason in `note`. */
  value: number | null;
  target: { comparison: ">=" | "<="; value: number };
  note?: string;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 && Number.isFinite(numerator) ? numerator / denominator : null;
}

export function meetsTarget(item: Ratio): boolean | null {
  if (item.value === null) return null;
  return item.target.comparison === ">=" ? item.value >= item.target.value : item.value <= item.target.value;
}

export function formatTable(ratios: Ratio[]): string {
  const rows = ratios.map((item) => {
    const met = meetsTarget(item);
    return [
      item.name,
      item.value === null ? "not measured" : item.value.toFixed(3),
      `${item.target.comparison} ${item.target.value}`,
      describeResult(met),
      item.note ?? item.definition,
    ];
  });
  const header = ["ratio", "value", "target", "result", "measured as"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

function describeResult(met: boolean | null): string {
  if (met === null) return "-";
  return met ? "met" : "MISSED";
}

/** Writes the results to bench-results/<mode>-<ISO time>.json under `directory` and returns the path. */
export async function writeResults(directory: string, mode: string, results: unknown): Promise<string> {
  const folder = join(directory, "bench-results");
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${mode}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
  return path;
}
