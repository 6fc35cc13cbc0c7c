// Errors from the API as one type: the RFC 9457 problem the server sends, or a network failure.

/** One failing input value the server named (path such as `body.topics[0]`). */
export interface ProblemIssue {
  path: string;
  message: string;
}

/** The problem+json body every error answer carries. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: ProblemIssue[];
  retryAfterSeconds?: number;
}

/** An API call that failed: its status (0 when the network failed), stable code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ProblemIssue[];
  readonly problem: ProblemBody;

  constructor(status: number, problem: ProblemBody) {
    super(problem.detail ?? problem.title ?? `request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network' : `http-${status}`);
    this.issues = problem.errors ?? [];
    this.problem = problem;
  }

  /** True for 412: someone else changed the record since it was read. */
  get isStale(): boolean {
    return this.status === 412;
  }
}

/** Reads a failed response's problem body, tolerating bodies that are not JSON. */
export async function problemOf(response: Response): Promise<ApiError> {
  let body: ProblemBody = {};
  try {
    const text = await response.clone().text();
    body = text ? (JSON.parse(text) as ProblemBody) : {};
  } catch {
    body = { detail: `${response.status} ${response.statusText}`.trim() };
  }
  return new ApiError(response.status, body);
}

/** A readable sentence for any thrown value, for error states. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'The server cannot be reached. Check your connection and try again.';
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
