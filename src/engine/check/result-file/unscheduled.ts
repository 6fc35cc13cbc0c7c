// The unscheduled list: every request is either placed or unscheduled, with a reason that fits its state.
import type { SummitData } from '../../../domain/summit/data.js';
import type { ResultFileValue as ResultFile } from './shape.js';
import { PLACEABLE } from '../summit-index.js';
import type { Violation } from '../violation.js';
import { violation } from '../violation.js';

/** Every request of the summit appears once: among the meetings or in the unscheduled list, not both. */
export function everyRequestAccounted(data: SummitData, file: ResultFile): Violation[] {
  const placed = new Set(file.meetings.map((m) => m.request));
  const unscheduled = new Map<string, number>();
  for (const u of file.unscheduled) unscheduled.set(u.request, (unscheduled.get(u.request) ?? 0) + 1);
  const known = new Set<string>(data.requests.map((r) => r.id));
  const out: Violation[] = [];
  for (const [id, n] of unscheduled) {
    const about = { requests: [id] };
    if (!known.has(id))
      out.push(
        violation('result-coverage', `${id} is unscheduled but is not a request of this summit`, about),
      );
    else if (placed.has(id))
      out.push(violation('result-coverage', `${id} is both placed and unscheduled`, about));
    if (n > 1) out.push(violation('result-coverage', `${id} is unscheduled ${n} times`, about));
  }
  for (const id of known) {
    if (!placed.has(id) && !unscheduled.has(id)) {
      out.push(violation('result-coverage', `${id} is neither placed nor unscheduled`, { requests: [id] }));
    }
  }
  return out;
}

/**
 * An unscheduled request's reason fits its state: a request that may not be placed gives its state,
 * a placeable one (agreed, scheduled, confirmed) gives no-slot or displaced.
 */
export function reasonsFitStates(data: SummitData, file: ResultFile): Violation[] {
  const byId = new Map(data.requests.map((r) => [r.id as string, r]));
  return file.unscheduled.flatMap((u) => {
    const request = byId.get(u.request);
    if (!request) return [];
    const about = { requests: [u.request] };
    if (PLACEABLE.has(request.status)) {
      if (u.reason === 'no-slot' || u.reason === 'displaced') return [];
      return [
        violation(
          'unscheduled-reason',
          `${u.request} is ${request.status}, so its reason is no-slot or displaced, not ${u.reason}`,
          about,
        ),
      ];
    }
    if (u.reason === request.status) return [];
    return [violation('unscheduled-reason', `${u.request} is ${request.status}, not ${u.reason}`, about)];
  });
}
