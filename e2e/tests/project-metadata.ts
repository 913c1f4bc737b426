import type { TestInfo } from "@playwright/test";

/** What a spec needs to know about the project's database; set in playwright.config.ts. */
export type E2eProjectMetadata =
  | {
      driver: "pglite";
      /** A second PGlite server whose sessions end after `shortTtlSeconds` without use. */
      shortTtlBaseUrl: string;
      shortTtlSeconds: number;
    }
  | {
      driver: "postgres";
      /** The file where the server start-up script wrote the URL of its fresh database. */
      databaseUrlFile: string;
    };

export function projectMetadata(testInfo: TestInfo): E2eProjectMetadata {
  return testInfo.project.metadata as E2eProjectMetadata;
}
