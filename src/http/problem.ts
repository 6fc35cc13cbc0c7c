// RFC 9457 problem details: the one shape of every error answer, with a stable `code`.
import { z } from 'zod';

/** One failing input value: where (`body.grants[0].role`), what was expected, and the rule's code. */
export const ProblemIssue = z.object({
  path: z.string(),
  message: z.string(),
  code: z
    .string()
    .optional()
    .describe(
      'The rule broken: a request rule (attendee-not-party, unknown-person, window-order…) or a shape code (invalid-value, missing-value, unknown-key)',
    ),
});
export type ProblemIssue = z.infer<typeof ProblemIssue>;

/** The body of every error response (`application/problem+json`). */
export const Problem = z
  .object({
    type: z.string().describe('A URI naming the kind of problem: urn:sideline:problem:<code>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().describe('Stable machine-readable code, e.g. validation-failed, stale-version'),
    requestId: z.string().optional(),
    errors: z.array(ProblemIssue).optional().describe('Every failing input value (validation-failed)'),
    retryAfterSeconds: z.number().int().optional(),
    conflicts: z
      .array(z.object({ request: z.string(), rule: z.string(), message: z.string() }))
      .optional()
      .describe(
        'What stands in the way of a refused write (409): each meeting ("private" for one you may not see) and rule',
      ),
    planAgain: z
      .boolean()
      .optional()
      .describe('For a plan that cannot be accepted: true when planning again can succeed'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

/** The media type of problem details. */
export const PROBLEM_TYPE = 'application/problem+json';

/** An error that already knows its HTTP answer; routes and hooks throw it for HTTP-only failures. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly extra: { errors?: ProblemIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

/** The standard title of a status (RFC 9110 reason phrase). */
export function titleOf(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** Builds a problem body. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Partial<
    Pick<Problem, 'errors' | 'instance' | 'requestId' | 'retryAfterSeconds' | 'conflicts' | 'planAgain'>
  > = {},
): Problem {
  return { type: `urn:sideline:problem:${code}`, title: titleOf(status), status, detail, code, ...extra };
}
