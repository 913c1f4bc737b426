/** Opens and migrates the database when the server starts, so configuration errors show at once. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openAtStart } = await import("./lib/open-at-start");
  await openAtStart();
}
