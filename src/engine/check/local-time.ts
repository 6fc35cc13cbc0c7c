// Times in violation messages: local wall-clock time in the summit's zone, as a protocol officer reads it.
import { DateTime } from 'luxon';
import type { Span } from './spans.js';

function local(ms: number, zone: string): DateTime {
  return DateTime.fromMillis(ms, { zone }).setLocale('en');
}

/** A clock time that happens twice (the night clocks go back) carries its zone abbreviation: `01:30 EDT`. */
function clock(dt: DateTime, pattern: string): string {
  const text = dt.toFormat(pattern);
  return dt.getPossibleOffsets().length > 1 ? `${text} ${dt.toFormat('ZZZZ')}` : text;
}

/** `10 Nov 08:00` in `zone`. */
export function formatMoment(ms: number, zone: string): string {
  return clock(local(ms, zone), 'd LLL HH:mm');
}

/** `10 Nov 08:00–08:30`, or `10 Nov 23:00–11 Nov 00:30` when the span crosses midnight. */
export function formatSpan(span: Span, zone: string): string {
  const from = local(span.from, zone);
  const to = local(span.to, zone);
  const end = from.hasSame(to, 'day') ? clock(to, 'HH:mm') : formatMoment(span.to, zone);
  return `${formatMoment(span.from, zone)}–${end}`;
}

/** Several windows, comma-separated; `never` for none. */
export function formatSpans(spans: readonly Span[], zone: string): string {
  return spans.length === 0 ? 'never' : spans.map((s) => formatSpan(s, zone)).join(', ');
}
