// A party changes a request's terms: checked by the request rules, recorded with what it was and
// what it became, and followed by its meeting — kept (provisionally, while the others consent again)
// where it still fits, taken off where it does not.
import type { Actor } from '../../domain/actor/schema.js';
import type { DelegationId, SummitId } from '../../domain/ids.js';
import type { Meeting } from '../../domain/meeting/schema.js';
import { editRequest, type Edit, type RequestChange } from '../../domain/request/edit.js';
import type { Request } from '../../domain/request/schema.js';
import { applyTransition } from '../../domain/request/transition.js';
import type { Summit } from '../../domain/summit/schema.js';
import { addMinutes } from '../../domain/time.js';
import { StaleVersionError, type Tx } from '../../store/store.js';
import { partiesScope } from '../access.js';
import type { AppContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { recordEvent, writeWithEvents } from '../events/record.js';
import { redactViolations } from '../meetings/check.js';
import { violationsOf } from '../meetings/rules.js';
import { planningInput } from '../planning/plan.js';
import { loadSummitData } from '../summit/load.js';
import { parseInput } from '../validate.js';
import { RequestEdit } from './inputs.js';
import { loadVisibleRequest } from './load.js';
import { requireValidTerms } from './terms.js';
import { saveRequest } from './write.js';

/** A request after an edit, and its meeting (null when it has none, or the edit took it off). */
export interface EditOutcome {
  request: Request;
  meeting: Meeting | null;
}

/**
 * Changes the terms given (see RequestEdit; who may change which is the domain's editRequest),
 * checked by the request rules on the terms changed. `expectedVersion` is the request's version the
 * caller read (If-Match). A change to minutes, attendees or allowed windows sends an agreed,
 * scheduled or confirmed request back for the other parties' consent. Its meeting stays where it
 * still fits (the planner holds its slot while consent is pending); where it does not, it is taken
 * off, unless it is confirmed or pinned: then the edit is refused (409 `meeting-would-break`) unless
 * `force` says to take it off anyway. An edit that changes nothing writes nothing.
 */
export async function editRequestTerms(
  ctx: AppContext,
  actor: Actor,
  summitId: SummitId,
  requestId: string,
  input: unknown,
  options: { expectedVersion?: number; actingFor?: DelegationId } = {},
): Promise<EditOutcome> {
  const { force, ...terms } = parseInput(RequestEdit, input);
  return writeWithEvents(ctx, async (tx) => {
    // The meeting's fit is judged and kept as one placement: no other placement may come between.
    await tx.lockSummit(summitId);
    const { summit, request, conditions } = await loadVisibleRequest(tx, actor, summitId, requestId);
    const expected = options.expectedVersion ?? request.version;
    if (expected !== request.version) {
      throw new StaleVersionError('request', requestId, expected, request.version);
    }
    const persons = new Map((await tx.persons.list(summitId)).map((p) => [p.id as string, p.delegation]));
    const acting = {
      actor,
      summit: summitId,
      ...(options.actingFor ? { delegation: options.actingFor } : {}),
    };
    // the order of each window's ends is a request rule, checked with the others below
    const change = terms as RequestChange;
    const edit = editRequest(request, conditions, change, (p) => persons.get(p), acting, ctx.now());
    const meeting = (await tx.meetings.get(summitId, requestId)) ?? null;
    if (edit.changed.length === 0) return { request, meeting };
    await requireValidEdit(tx, summit, edit);
    await recordEvent(tx, ctx, actor, summitId, partiesScope(request), 'request.edited', {
      request: request.id,
      by: edit.by,
      changed: edit.changed,
      before: edit.before,
      after: edit.after,
      reconsent: edit.reconsent,
    });
    const kept = meeting ? await followEdit(tx, ctx, actor, summit, request, edit, meeting, force) : null;
    // A placed request that keeps the others' consent but lost its meeting waits for a new slot.
    const dislodge = meeting !== null && kept === null && edit.transitions.length === 0;
    const next = dislodge
      ? applyTransition(edit.request, conditions, 'dislodge', acting, ctx.now())
      : edit.request;
    const transitions = [...edit.transitions, ...(dislodge ? ['dislodge'] : [])];
    const stored = await saveRequest(tx, ctx, actor, summitId, request, next, transitions, expected);
    return { request: stored, meeting: kept };
  });
}

/** The request rules, on the terms the edit changed: a rule about an untouched term is not the edit's to meet. */
async function requireValidEdit(tx: Tx, summit: Summit, edit: Edit): Promise<void> {
  const r = edit.request;
  const terms = {
    from: r.from,
    to: r.to,
    format: r.format,
    minutes: r.minutes,
    attendees: r.attendees,
    venue: r.venue,
    allowed: r.allowed,
    preferred: r.preferred,
    needs: r.needs,
  };
  const changed = (path: string) => edit.changed.some((t) => path === t || path.startsWith(`${t}[`));
  await requireValidTerms(tx, summit, terms, [], changed);
}

/**
 * Keeps the meeting where the edited request still fits — its end moved with its minutes, the slot's
 * confirmations asked again when it changed — or takes it off: a confirmed or pinned one only when
 * forced. Records what became of it and returns the meeting kept, or null. The caller holds the
 * summit's placement lock.
 */
async function followEdit(
  tx: Tx,
  ctx: AppContext,
  actor: Actor,
  summit: Summit,
  before: Request,
  edit: Edit,
  meeting: Meeting,
  force: boolean,
): Promise<Meeting | null> {
  const request = edit.request;
  const data = planningInput(await loadSummitData(tx, summit.id));
  const edited = { ...data, requests: data.requests.map((r) => (r.id === request.id ? request : r)) };
  const end = addMinutes(meeting.start, request.minutes);
  const slot = { request: request.id, start: meeting.start, end, room: meeting.room };
  const violations = violationsOf(edited, slot);
  const scope = partiesScope(request);
  if (violations.length === 0) {
    if (end === meeting.end) return meeting;
    // a longer or shorter meeting is another slot: every party accepts it again
    const stored = await tx.meetings.update(summit.id, { ...meeting, end, confirmedBy: [] });
    await recordEvent(tx, ctx, actor, summit.id, scope, 'meeting.changed', {
      ...slot,
      previous: { start: meeting.start, end: meeting.end, room: meeting.room },
      by: 'edit',
    });
    return stored;
  }
  const fixed = meeting.pinned ? 'pinned' : before.status === 'confirmed' ? 'confirmed' : null;
  if (fixed !== null && !force) {
    const seen = redactViolations(actor, edited, violations).map((v) => v.message);
    throw new ConflictError(
      `the change would leave meeting ${request.id}, which is ${fixed}, where it no longer fits: ` +
        `${seen.join('; ')}. Move the meeting first, or send force: true to take it off the calendar`,
      'meeting-would-break',
    );
  }
  await tx.meetings.remove(summit.id, meeting.request, meeting.version);
  // the rules it breaks, by name only: the event's readers may not all see what it clashes with
  const rules = [...new Set(violations.map((v) => v.rule))];
  await recordEvent(tx, ctx, actor, summit.id, scope, 'meeting.removed', {
    request: request.id,
    by: 'edit',
    reason: `the edit left it where it no longer fits (${rules.join(', ')})`,
    rules,
  });
  return null;
}
