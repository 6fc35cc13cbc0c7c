// Reasons tied to a request's state: it is not agreed yet, or it is closed.
import type { SummitData } from '../../domain/summit/data.js';
import type { Request } from '../../domain/request/schema.js';
import type { UnplacedReason } from '../result.js';

/** The reason and detail for a request the scheduler may not place because of its state, or null. */
export function stateReason(data: SummitData, q: Request): { reason: UnplacedReason; detail: string } | null {
  const parties = [q.from, ...q.to];
  const waiting = parties.filter((p) => !q.acceptedBy.includes(p));
  switch (q.status) {
    case 'agreed':
    case 'scheduled':
    case 'confirmed':
      return null;
    case 'draft':
      return { reason: 'draft', detail: `A draft of ${q.from}: not yet sent to ${list(q.to)}.` };
    case 'requested':
      return {
        reason: 'requested',
        detail: waiting.length
          ? `Requested by ${q.from}; waiting for ${list(waiting)} to accept.`
          : `Requested by ${q.from}; not yet marked agreed.`,
      };
    case 'under-consideration':
      return {
        reason: 'under-consideration',
        detail: waiting.length
          ? `Under consideration by ${list(waiting)}.`
          : 'Under consideration; not yet marked agreed.',
      };
    case 'conditions-pending': {
      const open = data.conditions.filter((c) => c.request === q.id && c.status === 'open');
      if (open.length === 0) return { reason: 'conditions-pending', detail: 'Conditions are pending.' };
      const names = open.map((c) => `${c.id} (set by ${c.by})`);
      return {
        reason: 'conditions-pending',
        detail: `${open.length === 1 ? 'Condition' : 'Conditions'} ${list(names)} ${open.length === 1 ? 'is' : 'are'} open.`,
      };
    }
    case 'declined':
      return { reason: 'declined', detail: 'Declined; nothing to schedule.' };
    case 'withdrawn':
      return { reason: 'withdrawn', detail: `Withdrawn by ${q.from}; nothing to schedule.` };
    case 'downgraded':
      return {
        reason: 'downgraded',
        detail:
          q.downgrade === 'encounter'
            ? 'Downgraded to an informal encounter at a programme event; no meeting to schedule.'
            : 'Downgraded to a pull-aside; schedule it as a new pull-aside request.',
      };
    case 'lapsed':
      return { reason: 'lapsed', detail: 'Lapsed: the summit ended before it was held.' };
    case 'held':
      return { reason: 'held', detail: 'Already held.' };
    case 'not-held':
      return {
        reason: 'not-held',
        detail: 'Its time came and it did not take place (a no-show or a late cancellation).',
      };
  }
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
