// The requests (with their conditions) and the meetings already placed.
import type { DelegationId, RoomId } from '../../domain/ids.js';
import { outcomeIssues, tookPlace } from '../../domain/meeting/outcome.js';
import type { Meeting, MeetingOutcome } from '../../domain/meeting/schema.js';
import type { Condition, Request } from '../../domain/request/schema.js';
import { addMinutes } from '../../domain/time.js';
import { parseFields } from '../resolve/issues.js';
import { checkRef } from '../resolve/refs.js';
import { partiesOf, resolveRequest } from '../resolve/request.js';
import { readTime } from '../resolve/time.js';
import { eachItem, type FileContext } from './context.js';
import type { Located } from '../errors.js';
import { FileMeeting, FileRequest, type FileOutcome } from './schema.js';

/** Reads the requests section (after the logistics it refers to). */
export function readRequests(
  items: readonly unknown[],
  ctx: FileContext,
): { requests: Request[]; conditions: Condition[] } {
  const requests: Request[] = [];
  const conditions: Condition[] = [];
  eachItem(items, 'requests', ctx, ctx.requests, (raw, at) => {
    const { record, fields } = parseFields(FileRequest, raw, at);
    const resolved = resolveRequest(fields, record !== null, ctx, at);
    if (!resolved) return;
    requests.push(resolved.request);
    conditions.push(...resolved.conditions);
  });
  return { requests, conditions };
}

/**
 * Reads the meetings section: at most one meeting per request; it lasts the request's minutes;
 * a pull-aside takes no room and every other format takes one.
 */
export function readMeetings(
  items: readonly unknown[],
  ctx: FileContext,
  requests: readonly Request[],
): Meeting[] {
  const byId = new Map(requests.map((r) => [r.id as string, r]));
  const placed = new Map<string, string>();
  const out: Meeting[] = [];
  eachItem(items, 'meetings', ctx, null, (raw, at) => {
    const { record: m, fields } = parseFields(FileMeeting, raw, at);
    const before = ctx.problems.count;
    if (fields.request !== undefined && checkRef(ctx.requests, fields.request, 'request', at, ['request'])) {
      const first = placed.get(fields.request);
      if (first !== undefined)
        at.error(['request'], `request "${fields.request}" already has a meeting at ${first}`);
      else placed.set(fields.request, at.locate([]));
    }
    if (fields.room !== undefined) checkRef(ctx.rooms, fields.room, 'room', at, ['room']);
    const start = fields.start === undefined ? null : readTime(fields.start, ctx.zone, at, ['start']);
    if (!m) return;
    // The request may exist but be invalid itself; its own errors say so.
    const request = byId.get(m.request);
    if (request?.format === 'pull-aside' && m.room !== undefined) {
      at.error(['room'], `a pull-aside takes no room, got "${m.room}"`);
    }
    if (request && request.format !== 'pull-aside' && m.room === undefined) {
      at.error(['room'], `missing; expected a room id (a ${request.format} takes a room)`);
    }
    const outcome = m.outcome && request ? readOutcome(m.outcome, request, at.within(['outcome'])) : null;
    if (ctx.problems.count > before || !request || start === null) return;
    out.push({
      request: request.id,
      start,
      end: addMinutes(start, request.minutes),
      room: (m.room as RoomId | undefined) ?? null,
      pinned: m.pinned ?? false,
      confirmedBy: isConfirmed(request) ? (partiesOf(request) as DelegationId[]) : [],
      announced: m.announced ?? false,
      ...(outcome ? { outcome } : {}),
      version: 1,
    });
  });
  return out;
}

/**
 * What happened at a meeting, by the rules a recorded outcome follows (outcomeIssues), and agreeing
 * with its request's state: held on time or late means `held`, a no-show or late cancellation `not-held`.
 */
function readOutcome(o: FileOutcome, request: Request, at: Located): MeetingOutcome | null {
  const before = at.problems.count;
  const input = { kind: o.kind, lateMinutes: o.lateMinutes ?? null, by: o.by ?? [], note: o.note ?? null };
  for (const issue of outcomeIssues(request, input)) {
    const [key = '', index] = issue.path.split(/[[\]]/u);
    at.error(index === undefined ? [key] : [key, Number(index)], issue.message, 'invalid-value');
  }
  const status = tookPlace(o.kind) ? 'held' : 'not-held';
  if (request.status !== status) {
    at.error(
      ['kind'],
      `a meeting ${o.kind} belongs to a request in state ${status}, not ${request.status}`,
      'invalid-value',
    );
  }
  if (at.problems.count > before) return null;
  return { ...input, by: input.by as DelegationId[], recorded: null };
}

/** Every party accepted the slot of a confirmed (or since held) meeting. */
function isConfirmed(request: Request): boolean {
  return request.status === 'confirmed' || request.status === 'held';
}
