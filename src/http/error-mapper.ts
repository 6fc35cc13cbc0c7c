// The one mapping from any error to an HTTP status and problem body.
import { ZodError } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ConflictError, ForbiddenError, ValidationError, type Conflict } from '../app/errors.js';
import { shapeCode } from '../app/validate.js';
import {
  AccountInputError,
  InvalidCredentialsError,
  LoginThrottledError,
  PasswordPolicyError,
  UnauthenticatedError,
} from '../app/auth/errors.js';
import { PublicLineError } from '../domain/deliberation/public-line.js';
import { DeliberationError } from '../domain/deliberation/record.js';
import { ConditionError } from '../domain/request/conditions.js';
import { UnknownRecordError } from '../domain/summit/presence.js';
import { TransitionError } from '../domain/request/transition.js';
import { StorageFullError, StorageReadOnlyError, StoreUnavailableError } from '../store/faults.js';
import { DuplicateError, NotFoundError, StaleVersionError } from '../store/store.js';
import { HttpProblem, type ProblemIssue } from './problem.js';

/** What the error handler sends: a status, a code, a detail and optional extras. */
export interface MappedError {
  status: number;
  code: string;
  detail: string;
  errors?: ProblemIssue[];
  headers?: Record<string, string>;
  retryAfterSeconds?: number;
  /** True for 5xx: the detail is generic and the error is logged in full. */
  internal?: boolean;
  /** What stands in the way of a refused write (409). */
  conflicts?: Conflict[];
  /** For a plan that cannot be accepted: whether planning again can succeed. */
  planAgain?: boolean;
}

/** Formats a path of keys as `grants[0].role`. */
export function formatPath(keys: readonly (string | number)[]): string {
  return keys.reduce<string>(
    (acc, k) =>
      typeof k === 'number' || /^\d+$/u.test(k) ? `${acc}[${k}]` : acc ? `${acc}.${k}` : String(k),
    '',
  );
}

/** Codes for Fastify's own client errors (body too large, bad JSON, wrong media type…). */
const FASTIFY_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-content-length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
};

/** Seconds a client is told to wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_SECONDS = 5;
/** Seconds a client is told to wait before retrying a write the storage refused (full, read-only). */
export const STORAGE_RETRY_SECONDS = 60;

/** Fallback codes by status, for errors that carry only a statusCode. */
const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  409: 'conflict',
  411: 'length-required',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  428: 'precondition-required',
  429: 'rate-limited',
};

function zodIssues(error: ZodError, prefix: string): ProblemIssue[] {
  return error.issues.map((i) => ({
    path: formatPath(
      [prefix, ...i.path.map((k) => (typeof k === 'symbol' ? String(k) : k))].filter((k) => k !== ''),
    ),
    message: i.message,
    code: shapeCode(i.code, i.message),
  }));
}

/** A fault of the database's: nothing was saved, try again after `seconds` (logged in full as internal). */
function retryLater(status: number, code: string, what: string, seconds: number): MappedError {
  return {
    status,
    code,
    detail: `${what}; nothing was saved — try again in ${seconds} s`,
    retryAfterSeconds: seconds,
    headers: { 'retry-after': String(seconds) },
    internal: true,
  };
}

/** Maps any thrown value to its HTTP answer. Unknown errors become a generic 500. */
export function mapError(error: unknown): MappedError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    const errors = error.validation.map((v) => ({
      path: formatPath([where, ...v.instancePath.split('/').filter((s) => s !== '')]),
      message: v.message ?? 'invalid',
      code: shapeCode(v.keyword, v.message ?? ''),
    }));
    return {
      status: 400,
      code: 'validation-failed',
      detail: `invalid ${where}: ${errors.length} problem(s)`,
      errors,
    };
  }
  if (error instanceof ZodError) {
    const errors = zodIssues(error, '');
    return {
      status: 400,
      code: 'validation-failed',
      detail: `invalid input: ${errors.length} problem(s)`,
      errors,
    };
  }
  if (error instanceof ValidationError) {
    return { status: 400, code: 'validation-failed', detail: error.message, errors: error.issues };
  }
  if (error instanceof AccountInputError) {
    return {
      status: 400,
      code: 'validation-failed',
      detail: error.message,
      errors: [{ path: `body.${error.field}`, message: error.message }],
    };
  }
  if (error instanceof PasswordPolicyError) {
    return {
      status: 400,
      code: 'weak-password',
      detail: error.message,
      errors: [{ path: 'body.password', message: error.reason }],
    };
  }
  if (error instanceof HttpProblem) {
    return { status: error.status, code: error.code, detail: error.message, ...error.extra };
  }
  if (error instanceof InvalidCredentialsError)
    return { status: 401, code: 'invalid-credentials', detail: error.message };
  if (error instanceof UnauthenticatedError) {
    return {
      status: 401,
      code: 'unauthenticated',
      detail: error.message,
      headers: { 'www-authenticate': 'Bearer realm="sideline"' },
    };
  }
  if (error instanceof LoginThrottledError) {
    return {
      status: 429,
      code: 'too-many-attempts',
      detail: error.message,
      retryAfterSeconds: error.retryAfterSeconds,
      headers: { 'retry-after': String(error.retryAfterSeconds) },
    };
  }
  if (error instanceof ForbiddenError) {
    const errors = error.issues.length > 0 ? { errors: [...error.issues] } : {};
    return { status: 403, code: 'forbidden', detail: error.message, ...errors };
  }
  if (error instanceof NotFoundError) return { status: 404, code: 'not-found', detail: error.message };
  if (error instanceof StaleVersionError)
    return { status: 412, code: 'stale-version', detail: error.message };
  if (error instanceof DuplicateError) return { status: 409, code: 'duplicate', detail: error.message };
  // a role or side that may never do this is refused (403); a state that does not allow it yet is 409
  if (
    (error instanceof TransitionError ||
      error instanceof ConditionError ||
      error instanceof DeliberationError) &&
    error.forbidden
  ) {
    return { status: 403, code: 'forbidden', detail: error.message };
  }
  if (error instanceof TransitionError || error instanceof ConditionError) {
    return { status: 409, code: 'illegal-transition', detail: error.message };
  }
  if (error instanceof DeliberationError) {
    return { status: 409, code: 'deliberation-refused', detail: error.message };
  }
  if (error instanceof PublicLineError) {
    // what the record does not support, each as an issue of the claim sent
    const errors = error.issues.map((i) => ({ path: 'body.claim', message: i.message }));
    return { status: 409, code: 'public-line-inconsistent', detail: error.message, errors };
  }
  if (error instanceof ConflictError) {
    return { status: 409, code: error.code, detail: error.message, ...error.details };
  }
  // a record naming one that is gone (a principal not yet added): the caller's data to mend, not a failure
  if (error instanceof UnknownRecordError)
    return { status: 409, code: 'dangling-reference', detail: error.message };
  if (error instanceof StoreUnavailableError) {
    return retryLater(
      503,
      'database-unavailable',
      'the database cannot be reached',
      UNAVAILABLE_RETRY_SECONDS,
    );
  }
  if (error instanceof StorageFullError) {
    return retryLater(507, 'storage-full', 'the database’s storage is full', STORAGE_RETRY_SECONDS);
  }
  if (error instanceof StorageReadOnlyError) {
    return retryLater(503, 'storage-read-only', 'the database’s storage is read-only', STORAGE_RETRY_SECONDS);
  }

  const fastify = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const status = fastify.statusCode;
    const byCode = typeof fastify.code === 'string' ? FASTIFY_CODES[fastify.code] : undefined;
    const detail = typeof fastify.message === 'string' ? fastify.message : 'request refused';
    return { status, code: byCode ?? STATUS_CODES[status] ?? 'client-error', detail };
  }
  return {
    status: 500,
    code: 'internal-error',
    detail: 'the server failed; the log has the details',
    internal: true,
  };
}
