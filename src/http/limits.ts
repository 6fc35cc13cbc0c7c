// Request body limits: small by default, large only where a route says it takes whole summit files.

/** The body limit of every route unless it says otherwise: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The body limit of summit-file import routes (`bodyLimit: IMPORT_BODY_LIMIT` in their options): 20 MiB. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
