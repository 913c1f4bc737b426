import type { NextConfig } from "next";

const config: NextConfig = {
  // The API package ships TypeScript source; Next.js compiles it with the app.
  transpilePackages: ["@gatehouse/api"],
  // The auth core runs as plain Node.js modules so that PGlite finds its WebAssembly
  // files, migrations are read from disk, and worker threads can load their scripts.
  serverExternalPackages: ["@gatehouse/auth", "@electric-sql/pglite", "postgres", "pino", "bcryptjs", "piscina", "proper-lockfile"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
