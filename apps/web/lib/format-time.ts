const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * Formats a time for the pages, such as "Dec 4, 2026, 9:30 PM UTC". The zone
 * is fixed to UTC so that the server render and the browser agree.
 */
export function formatDateTime(value: string | Date): string {
  return `${dateTimeFormat.format(new Date(value))} UTC`;
}
