// When a person is at the summit: their own presence, else their delegation's, else the whole summit.
import { DateTime } from 'luxon';
import type { PersonId } from '../ids.js';
import { type Instant, instantFromMillis, instantMillis, toInstant } from '../time.js';
import type { SummitData } from './data.js';
import type { Summit } from './schema.js';

/** A half-open span [from, to) in epoch milliseconds, for arithmetic on windows. */
export interface Span {
  from: number;
  to: number;
}

/** The whole summit: from the start of its first day to the end of its last, in its time zone. */
export function summitSpan(summit: Pick<Summit, 'days' | 'timezone'>): { from: Instant; to: Instant } {
  const first = DateTime.fromISO(summit.days.from, { zone: summit.timezone }).startOf('day');
  const afterLast = DateTime.fromISO(summit.days.to, { zone: summit.timezone })
    .plus({ days: 1 })
    .startOf('day');
  return { from: toInstant(first), to: toInstant(afterLast) };
}

/** Instants to spans. */
export function toSpans(windows: readonly { from: Instant; to: Instant }[]): Span[] {
  return windows.map((w) => ({ from: instantMillis(w.from), to: instantMillis(w.to) }));
}

/** Spans back to instants. */
export function fromSpans(spans: readonly Span[]): { from: Instant; to: Instant }[] {
  return spans.map((s) => ({ from: instantFromMillis(s.from), to: instantFromMillis(s.to) }));
}

/** The non-empty overlaps of two sets of spans, in time order. */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (from < to) out.push({ from, to });
    }
  }
  return out.sort((p, q) => p.from - q.from || p.to - q.to);
}

/** A person or delegation the data does not hold. */
export class UnknownRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownRecordError';
  }
}

/** The windows a person is at the summit: person.presence ?? delegation.presence ?? the whole summit. */
export function presenceOf(data: SummitData, person: PersonId): { from: Instant; to: Instant }[] {
  const p = data.persons.find((x) => x.id === person);
  if (p === undefined) throw new UnknownRecordError(`no person "${person}" in summit ${data.summit.id}`);
  if (p.presence !== null) return p.presence.map((w) => ({ ...w }));
  const d = data.delegations.find((x) => x.id === p.delegation);
  if (d === undefined) {
    throw new UnknownRecordError(
      `person "${person}" belongs to delegation "${p.delegation}", which is not in the summit`,
    );
  }
  return d.presence !== null ? d.presence.map((w) => ({ ...w })) : [summitSpan(data.summit)];
}
