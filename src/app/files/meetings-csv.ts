// The meetings the reader may see as a CSV sheet, in the summit's local time.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import type { SummitData } from '../../domain/summit/data.js';
import { scopeOfMeeting } from '../../domain/visibility/scopes.js';
import { writeMeetingsCsv } from '../../io/csv/meetings.js';
import { canReadScope, requireParticipant } from '../access.js';
import type { AppContext } from '../context.js';
import { loadSummitData } from '../summit/load.js';

/** The meetings of `data` the actor may read (announced ones, and those of requests they see), by start then request. */
export function readableMeetings(actor: Actor, data: SummitData): Meeting[] {
  const summit = data.summit.id;
  const requests = new Map(data.requests.map((r) => [r.id as string, r]));
  return data.meetings
    .filter((m) => {
      const r = requests.get(m.request);
      return (
        r !== undefined && canReadScope(actor, summit, scopeOfMeeting(r, m), { confidential: r.confidential })
      );
    })
    .sort((a, b) => a.start.localeCompare(b.start) || a.request.localeCompare(b.request));
}

/**
 * Every meeting the actor may read, ordered by start then request, as RFC 4180 CSV with a header
 * row (columns: io/csv/meetings.ts).
 */
export async function meetingsCsv(ctx: AppContext, actor: Actor, summit: SummitId): Promise<string> {
  requireParticipant(actor, summit);
  return ctx.store.read(async (tx) => {
    const data = await loadSummitData(tx, summit);
    return writeMeetingsCsv(data, readableMeetings(actor, data));
  });
}
