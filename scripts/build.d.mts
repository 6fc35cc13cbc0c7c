// Types of scripts/build.mjs for the TypeScript that imports it (the test run's global setup).

/** The repository's root folder. */
export const ROOT: string;
/** Where the compiled server goes. */
export const DIST: string;
/** The file that records what was built, from which commit. */
export const BUILD_INFO: string;
/** What dist/build-info.json holds. */
export interface BuildInfo {
  version: string;
  commit: string;
  builtAt: string;
}
/** Compiles src/ into dist/ and writes dist/build-info.json. */
export function buildServer(): Promise<BuildInfo>;
/** Builds the web app into web/dist. */
export function buildWeb(): void;
