import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Integration tests open real databases; bcrypt at test cost is still CPU work.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
