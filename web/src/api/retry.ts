// Retries of a write whose outcome is unknown, with the same Idempotency-Key: the server stores the
// answer with the write, so a retry after a lost answer replays it instead of writing twice. One
// key is made per user action (each command call); this is where that action's retries happen.

/** Retries after the first try. */
export const WRITE_RETRIES = 3;

/** The longest wait before a retry, whatever Retry-After says: someone is waiting on the button. */
const MAX_WAIT_MS = 5000;

/** Answers that say "the same request may succeed later": the database is away for a moment. */
const RETRY_STATUSES = new Set([502, 503, 504]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** How long to wait before retry `attempt` (0-based): Retry-After when given, else 0.5 s, 1 s, 2 s. */
function waitBefore(attempt: number, response?: Response): number {
  const header = response?.headers.get('retry-after');
  const seconds = header === null || header === undefined ? Number.NaN : Number(header);
  const ms = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 500 * 2 ** attempt;
  return Math.min(MAX_WAIT_MS, ms);
}

/** Whether an answer asks for the same request again: the database was away, or the key's first try still runs. */
function retryable(response: Response): boolean {
  if (RETRY_STATUSES.has(response.status)) return true;
  // 409 with Retry-After is idempotency-key-in-use: the first try (whose answer was lost) still runs
  return response.status === 409 && response.headers.has('retry-after');
}

/**
 * Sends `request`; a POST carrying an Idempotency-Key is sent again with that same key when no
 * answer came (a dropped connection) or the answer asks for a retry, up to WRITE_RETRIES times.
 * Any other request is sent once.
 */
export async function fetchRetryingWrites(
  request: Request,
  send: (request: Request) => Promise<Response> = (r) => globalThis.fetch(r),
  wait: (ms: number) => Promise<void> = sleep,
): Promise<Response> {
  if (request.method !== 'POST' || !request.headers.has('idempotency-key')) return send(request);
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= WRITE_RETRIES;
    // the body can be read once: every try but the last sends a copy
    const copy = last ? request : request.clone();
    let response: Response;
    try {
      response = await send(copy);
    } catch (error) {
      if (last || request.signal.aborted) throw error;
      await wait(waitBefore(attempt));
      continue;
    }
    if (last || !retryable(response)) return response;
    await response.body?.cancel();
    await wait(waitBefore(attempt, response));
  }
}
