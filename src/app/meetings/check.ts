// The live rule check behind dragging a meeting: what a placement would break, without writing.
import type { Actor } from '../../domain/actor/schema.js';
import type { SummitId } from '../../domain/ids.js';
import type { SummitData } from '../../domain/summit/data.js';
import { addMinutes } from '../../domain/time.js';
import { canRead } from '../../domain/visibility/read.js';
import { scopeOfBusy } from '../../domain/visibility/scopes.js';
import type { Violation } from '../../engine/check/violation.js';
import type { DelegationId } from '../../domain/ids.js';
import { canSeeRequest } from '../access.js';
import { placerOf, requireMayPlaceAny } from './placer.js';
import type { AppContext } from '../context.js';
import { planningInput } from '../planning/plan.js';
import { loadVisibleRequest } from '../requests/load.js';
import { loadSummitData } from '../summit/load.js';
import { parseInput } from '../validate.js';
import { Slot } from './inputs.js';
import { violationsOf } from './rules.js';
import { wholeWord } from '../whole-word.js';
import { describeConflict, type ConflictWords } from '../../domain/words/conflict-words.js';
import { namesFor } from '../summit/names.js';

/** A broken rule, with its headline and detail in names and summit time for people to read. */
export type WordedViolation = Violation & ConflictWords;

/** What a placement would break: nothing (`ok`), or every broken rule. */
export interface PlacementCheck {
  ok: boolean;
  violations: WordedViolation[];
}

/** Replaces `word` where it stands alone, not inside a longer id (`usa-rus` in `usa-rus-fm`). */
function replaceWord(text: string, word: string, by: string): string {
  return text.replace(wholeWord(word, 'gu'), by);
}

const PRIVATE_PLACE = /(a private (?:commitment|engagement) \([^)]*?) at [^)]*\)/gu;
const TRAVEL_NEED = /; needs \d+ travel \+ \d+ buffer$/u;

/**
 * Where a private commitment or engagement is, is as private as what it is: its venue goes, and so
 * do the travel minutes to it, which would name the venue by its distance.
 */
function hidePlaces(message: string): string {
  const out = message.replace(PRIVATE_PLACE, '$1)');
  return out === message ? out : out.replace(TRAVEL_NEED, '; needs time to travel and a buffer');
}

/**
 * Rewrites violations for a reader: requests they may not see become "a private engagement" and
 * other delegations' busy blocks "a private commitment", so a check never says what it hides.
 */
export function redactViolations(actor: Actor, data: SummitData, violations: Violation[]): Violation[] {
  const summit = data.summit.id;
  const hidden = data.requests.filter((r) => !canSeeRequest(actor, summit, r)).map((r) => r.id as string);
  const delegationOf = new Map(data.persons.map((p) => [p.id as string, p]));
  const privateBusy = data.busy
    .filter((b) => {
      const owner = delegationOf.get(b.person);
      return !owner || !canRead(actor, summit, scopeOfBusy(owner));
    })
    .map((b) => b.id as string);
  const hide = (text: string): string => {
    let out = text;
    for (const id of privateBusy) out = replaceWord(out, `busy ${id}`, 'a private commitment');
    for (const id of hidden) out = replaceWord(out, id, 'a private engagement');
    return hidePlaces(out);
  };
  return violations.map((v) => ({
    ...v,
    requests: v.requests.map((r) => (hidden.includes(r) ? 'private' : r)),
    message: hide(v.message),
  }));
}

/**
 * Checks the placement of a request at a slot against every hard rule, among the summit's meetings
 * as they are now; nothing is written. For those who place the meeting (placer.ts).
 */
export async function checkPlacement(
  ctx: AppContext,
  actor: Actor,
  summit: SummitId,
  requestId: string,
  input: unknown,
  options: { actingFor?: DelegationId } = {},
): Promise<PlacementCheck> {
  const slot = parseInput(Slot, input);
  requireMayPlaceAny(actor, summit);
  return ctx.store.read(async (tx) => {
    const { request } = await loadVisibleRequest(tx, actor, summit, requestId);
    placerOf(actor, summit, request, options.actingFor);
    const stored = await loadSummitData(tx, summit);
    const data = planningInput(stored);
    const candidate = {
      request: request.id,
      start: slot.start,
      end: addMinutes(slot.start, request.minutes),
      room: slot.room,
    };
    const names = namesFor(actor, stored);
    const violations = redactViolations(actor, data, violationsOf(data, candidate)).map((v) => ({
      ...v,
      ...describeConflict(v, names),
    }));
    return { ok: violations.length === 0, violations };
  });
}
