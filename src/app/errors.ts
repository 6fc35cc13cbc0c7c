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

/** One meeting and one rule that stand in the way of a write, as its writer may see them. */
export interface Conflict {
  /** The meeting's request, or "private" for one the writer may not see. */
  request: string;
  rule: string;
  message: string;
}

/** What a refusal adds for a program to act on: what stands in the way, and whether to plan again. */
export interface ConflictDetails {
  conflicts?: Conflict[];
  /** For a plan that cannot be accepted: true when planning again (the same way) can succeed. */
  planAgain?: boolean;
}

/** The request makes sense but the record's state refuses it (HTTP 409). */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** A stable machine-readable code, e.g. "room-taken", "public-line-inconsistent". */
    readonly code: string,
    readonly details: ConflictDetails = {},
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}
