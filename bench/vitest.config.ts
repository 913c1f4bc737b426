import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Each test starts production Next.js servers, which take seconds to become ready.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
