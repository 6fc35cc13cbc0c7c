// Errors the application raises; interfaces map them to exit codes and HTTP statuses.

/** One invalid value: where it is, what was expected, and the stable code of the rule where one applies. */
export interface Issue {
  path: string;
  message: string;
  code?: string;
}

/** The actor may not do this (HTTP 403); an import lists every change refused, by path, in `issues`. */
export class ForbiddenError extends Error {
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Input that fails validation; lists every issue, not just the first (HTTP 400). */
export class ValidationError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
    this.name = 'ValidationError';
  }
}

/** The request makes sense but the record's state refuses it (HTTP 409). */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** A stable machine-readable code, e.g. "room-taken", "public-line-inconsistent". */
    readonly code: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}
