// Request body limits: small by default, large only where a route says it takes whole summit files.

/** The body limit of every route unless it says otherwise: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The body limit of summit-file import routes (`bodyLimit: IMPORT_BODY_LIMIT` in their options):
 * SIDELINE_IMPORT_LIMIT MiB (1 to 1024), 20 MiB by default. A larger file is refused (413) before
 * it is read; one within it is parsed and checked in a worker thread.
 */
export const IMPORT_BODY_LIMIT = importLimitMiB(process.env.SIDELINE_IMPORT_LIMIT) * 1024 * 1024;

/** The import limit in MiB from its setting; throws naming the variable when it is not a size. */
export function importLimitMiB(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return 20;
  const mib = Number(setting);
  if (!Number.isInteger(mib) || mib < 1 || mib > 1024) {
    throw new Error(`SIDELINE_IMPORT_LIMIT "${setting}": give the import size limit in MiB, 1 to 1024`);
  }
  return mib;
}
