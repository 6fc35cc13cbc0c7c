// Webhook calls: a JSON body POSTed with an HMAC-SHA256 signature over its timestamp and body.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'sideline-signature';
/** The header carrying the delivery's id: the same on every retry, so a receiver can drop repeats. */
export const DELIVERY_HEADER = 'sideline-delivery';

/** The signature header's value for `body` sent at `unixSeconds`. */
export function signBody(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * True when `header` signs `body` with `secret` and its time is within `toleranceSeconds` of `now`
 * (a replayed old body fails). What a receiver runs; the tests' receiver too.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map((header ?? '').split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signBody(secret, body, t).split('v1=')[1]!;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** What a call answered: the HTTP status, or no status when it never got one (refused, timed out). */
export interface PostResult {
  status: number | null;
  error: string | null;
}

/** POSTs `body` to `url`, signed; redirects are not followed (a 3xx is a failure to report). */
export async function postWebhook(
  url: string,
  body: string,
  headers: { secret: string; delivery: string; event: string; unixSeconds: number },
  timeoutMs = 10_000,
): Promise<PostResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Sideline-Webhooks/1',
        [SIGNATURE_HEADER]: signBody(headers.secret, body, headers.unixSeconds),
        [DELIVERY_HEADER]: headers.delivery,
        'sideline-event': headers.event,
      },
      body,
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { status: response.status, error: ok ? null : `HTTP ${response.status}` };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return {
      status: null,
      error: `${(e as Error).name}: ${(e as Error).message}${cause ? ` (${cause})` : ''}`,
    };
  }
}
