import { describe, expect, it } from 'vitest';
import { SUMMIT, SYSTEM, at, condition, del, host, member, meeting, request } from '../test-support.js';
import type { Actor } from '../../../src/domain/actor/schema.js';
import type { Condition, Request } from '../../../src/domain/request/schema.js';
import {
  TransitionError,
  allowedTransitions,
  applyTransition,
} from '../../../src/domain/request/transition.js';
import type { TransitionCommand, PlainTransitionName } from '../../../src/domain/request/lifecycle.js';

const NOW = at('2017-11-10T10:00:00.000Z');
const usaPO = member('usa', 'protocol-officer');
const rusPO = member('rus', 'protocol-officer');
const rusLead = member('rus', 'delegation-lead');
const usaViewer = member('usa', 'viewer');
const chnPO = member('chn', 'protocol-officer');

function apply(
  actor: Actor,
  req: Request,
  command: TransitionCommand | PlainTransitionName,
  conditions: Condition[] = [],
  now = NOW,
) {
  return applyTransition(req, conditions, command, { actor, summit: SUMMIT }, now);
}

function refusal(fn: () => unknown): TransitionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TransitionError) return e;
    throw e;
  }
  throw new Error('expected a TransitionError, got none');
}

describe('submit', () => {
  it('moves a draft to requested and records the requester’s acceptance', () => {
    const next = apply(usaPO, request({ status: 'draft', acceptedBy: [] }), 'submit');
    expect(next.status).toBe('requested');
    expect(next.acceptedBy).toEqual(['usa']);
  });
  it('is the requester’s alone', () => {
    const e = refusal(() => apply(rusPO, request({ status: 'draft' }), 'submit'));
    expect(e.message).toMatch(/only the requester usa as delegation-lead or protocol-officer may submit it/);
  });
  it('needs a role that acts on requests', () => {
    const e = refusal(() => apply(usaViewer, request({ status: 'draft' }), 'submit'));
    expect(e.message).toContain('as usa/viewer (user usa-viewer)');
    expect(e.message).toContain('only the requester usa as delegation-lead or protocol-officer');
  });
  it('applies only to a draft', () => {
    const e = refusal(() => apply(usaPO, request({ status: 'requested' }), 'submit'));
    expect(e.message).toBe(
      'cannot submit request usa-rus in state requested as usa/protocol-officer (user usa-protocol-officer): ' +
        'submit applies only in state draft',
    );
  });
});

describe('consider', () => {
  it('lets a counterpart take up a request', () => {
    expect(apply(rusPO, request(), 'consider').status).toBe('under-consideration');
  });
  it('is not the requester’s', () => {
    expect(refusal(() => apply(usaPO, request(), 'consider')).message).toMatch(/only a counterpart \(rus\)/);
  });
  it('is refused to a delegation that is no party', () => {
    expect(refusal(() => apply(chnPO, request(), 'consider')).message).toBe(
      'cannot consider request usa-rus in state requested as chn/protocol-officer (user chn-protocol-officer): ' +
        'only a counterpart (rus) as delegation-lead or protocol-officer may consider it',
    );
  });
  it('names a host or a user without any role as such', () => {
    expect(refusal(() => apply(host('host-staff'), request(), 'consider')).actor).toBe(
      'host/host-staff (user host-staff)',
    );
    const nobody = { user: usaPO.user, grants: [], system: false };
    expect(refusal(() => apply(nobody, request(), 'consider')).actor).toBe(
      'user usa-protocol-officer with no role in apec-2017',
    );
  });
});

describe('setConditionsPending', () => {
  it('moves to conditions-pending when a condition is open', () => {
    expect(apply(usaPO, request(), 'setConditionsPending', [condition()]).status).toBe('conditions-pending');
  });
  it('is refused when no condition of this request is open', () => {
    const others = [condition({ status: 'accepted' }), condition({ id: 'c9', request: 'jpn-usa' })];
    expect(refusal(() => apply(usaPO, request(), 'setConditionsPending', others)).missing).toEqual([
      'no condition is open',
    ]);
  });
});

describe('accept', () => {
  it('agrees when the last party accepts and no condition is open', () => {
    const next = apply(rusPO, request({ status: 'under-consideration' }), 'accept', [
      condition({ status: 'accepted' }),
      condition({ id: 'c2', status: 'withdrawn' }),
      condition({ id: 'c3', status: 'rejected' }),
    ]);
    expect(next.status).toBe('agreed');
    expect(next.acceptedBy).toEqual(['usa', 'rus']);
  });
  it('stays conditions-pending while a condition is open', () => {
    const next = apply(rusPO, request({ status: 'conditions-pending' }), 'accept', [condition()]);
    expect(next.status).toBe('conditions-pending');
    expect(next.acceptedBy).toEqual(['usa', 'rus']);
  });
  it('goes to under-consideration while a party has not accepted', () => {
    const multi = request({ to: ['rus', 'chn'], format: 'multilateral' });
    const next = apply(rusPO, multi, 'accept');
    expect(next.status).toBe('under-consideration');
    expect(next.acceptedBy).toEqual(['usa', 'rus']);
  });
  it('refuses a second acceptance by the same party', () => {
    expect(refusal(() => apply(usaPO, request(), 'accept')).missing).toEqual(['usa has already accepted']);
  });
  it('is refused to a viewer and to the host', () => {
    expect(() => apply(member('rus', 'viewer'), request(), 'accept')).toThrow(TransitionError);
    expect(() => apply(host('host-admin'), request(), 'accept')).toThrow(/only a party \(usa, rus\)/);
  });
  it('makes the system name the party it accepts for', () => {
    expect(refusal(() => apply(SYSTEM, request(), 'accept')).missing).toEqual([
      'no party of the request was named to act for',
    ]);
    const next = applyTransition(
      request(),
      [],
      'accept',
      { actor: SYSTEM, summit: SUMMIT, delegation: del('rus') },
      NOW,
    );
    expect(next.status).toBe('agreed');
  });
});

describe('agree', () => {
  it('names every open condition and every missing acceptance', () => {
    const e = refusal(() =>
      apply(rusPO, request({ status: 'conditions-pending' }), 'agree', [
        condition(),
        condition({ id: 'c2', by: 'rus' }),
      ]),
    );
    expect(e.message).toBe(
      'cannot agree on request usa-rus in state conditions-pending as rus/protocol-officer (user rus-protocol-officer): ' +
        'condition c1 (set by usa) is still open; condition c2 (set by rus) is still open; rus has not accepted',
    );
  });
  it('goes ahead when every party accepted and every condition is settled', () => {
    const accepted = request({ status: 'conditions-pending', acceptedBy: ['usa', 'rus'] });
    expect(apply(SYSTEM, accepted, 'agree', [condition({ status: 'accepted' })]).status).toBe('agreed');
  });
});

describe('settleConditions', () => {
  it('returns to under-consideration once no condition is open', () => {
    const pending = request({ status: 'conditions-pending' });
    expect(apply(usaPO, pending, 'settleConditions', [condition({ status: 'rejected' })]).status).toBe(
      'under-consideration',
    );
  });
  it('is refused while a condition is open, or when the request could be agreed', () => {
    const pending = request({ status: 'conditions-pending' });
    expect(refusal(() => apply(usaPO, pending, 'settleConditions', [condition()])).missing).toEqual([
      'condition c1 (set by usa) is still open',
    ]);
    const ready = request({ status: 'conditions-pending', acceptedBy: ['usa', 'rus'] });
    expect(refusal(() => apply(usaPO, ready, 'settleConditions')).missing[0]).toMatch(/agree on it instead/);
  });
});

describe('schedule and unschedule', () => {
  const agreed = request({ status: 'agreed', acceptedBy: ['usa', 'rus'] });
  it('lets the host place and remove an agreed request', () => {
    const scheduled = apply(host('host-staff'), agreed, 'schedule');
    expect(scheduled.status).toBe('scheduled');
    expect(apply(host('host-admin'), scheduled, 'unschedule').status).toBe('agreed');
    expect(apply(SYSTEM, agreed, 'schedule').status).toBe('scheduled');
  });
  it('is not the parties’ to do, but for a confidential request, which the host may not see', () => {
    expect(refusal(() => apply(usaPO, agreed, 'schedule')).missing).toEqual([
      'only the host places a request that is not confidential',
    ]);
    const secret = { ...agreed, confidential: true };
    const scheduled = apply(usaPO, secret, 'schedule');
    expect(scheduled.status).toBe('scheduled');
    expect(apply(usaPO, scheduled, 'unschedule').status).toBe('agreed');
    expect(refusal(() => apply(member('chn', 'protocol-officer'), secret, 'schedule')).message).toMatch(
      /only the host as host-admin or host-staff or a party \(usa, rus\) as delegation-lead or protocol-officer or the system may schedule it/,
    );
  });
  it('needs an agreed request', () => {
    expect(() => apply(host('host-admin'), request({ status: 'conditions-pending' }), 'schedule')).toThrow(
      /schedule applies only in state agreed/,
    );
  });
});

describe('confirm', () => {
  const scheduled = request({ status: 'scheduled', acceptedBy: ['usa', 'rus'] });
  it('stays scheduled until every party has confirmed the slot', () => {
    expect(apply(usaPO, scheduled, { name: 'confirm', meeting: meeting() }).status).toBe('scheduled');
    const half = meeting({ confirmedBy: ['usa'] });
    expect(apply(rusPO, scheduled, { name: 'confirm', meeting: half }).status).toBe('confirmed');
  });
  it('refuses a second confirmation and a meeting of another request', () => {
    const e = refusal(() =>
      apply(usaPO, scheduled, {
        name: 'confirm',
        meeting: meeting({ request: 'jpn-usa', confirmedBy: ['usa'] }),
      }),
    );
    expect(e.missing).toEqual(['the meeting given is for request jpn-usa', 'usa has already confirmed']);
  });
});

describe('hold', () => {
  const confirmed = request({ status: 'confirmed', acceptedBy: ['usa', 'rus'] });
  const m = meeting({ confirmedBy: ['usa', 'rus'] });
  it('records a meeting that has started', () => {
    expect(apply(host('host-staff'), confirmed, { name: 'hold', meeting: m }, [], m.start).status).toBe(
      'held',
    );
  });
  it('refuses before the meeting starts', () => {
    expect(refusal(() => apply(usaPO, confirmed, { name: 'hold', meeting: m })).missing).toEqual([
      'the meeting starts at 2017-11-10T14:00:00.000Z',
    ]);
  });
});

describe('decline, withdraw, downgrade', () => {
  it('lets a counterpart decline, not the requester', () => {
    expect(apply(rusPO, request({ status: 'agreed' }), 'decline').status).toBe('declined');
    expect(() => apply(usaPO, request(), 'decline')).toThrow(/only a counterpart/);
  });
  it('lets the requester withdraw, not a counterpart', () => {
    expect(apply(usaPO, request({ status: 'draft' }), 'withdraw').status).toBe('withdrawn');
    expect(() => apply(rusPO, request(), 'withdraw')).toThrow(/only the requester usa/);
  });
  it('lets a party’s lead downgrade, recording to what', () => {
    const next = apply(rusLead, request({ status: 'scheduled' }), { name: 'downgrade', to: 'encounter' });
    expect(next).toMatchObject({ status: 'downgraded', downgrade: 'encounter' });
    expect(() => apply(rusPO, request(), { name: 'downgrade', to: 'pull-aside' })).toThrow(
      /only a party \(usa, rus\) as delegation-lead may downgrade it/,
    );
  });
  it('refuses every ending once the request has ended', () => {
    for (const status of ['held', 'declined', 'withdrawn', 'downgraded', 'lapsed'] as const) {
      expect(() => apply(rusPO, request({ status }), 'decline')).toThrow(/decline applies only in state/);
      expect(() => apply(usaPO, request({ status }), 'withdraw')).toThrow(/withdraw applies only in state/);
    }
  });
});

describe('lapse', () => {
  const ends = at('2017-11-11T17:00:00.000Z');
  it('is the system’s once the summit has ended', () => {
    expect(apply(SYSTEM, request(), { name: 'lapse', summitEndsAt: ends }, [], ends).status).toBe('lapsed');
  });
  it('is refused before the end, and to anyone else', () => {
    expect(refusal(() => apply(SYSTEM, request(), { name: 'lapse', summitEndsAt: ends })).missing).toEqual([
      'the summit ends at 2017-11-11T17:00:00.000Z',
    ]);
    expect(() => apply(rusLead, request(), { name: 'lapse', summitEndsAt: ends }, [], ends)).toThrow(
      /only the system may lapse it/,
    );
  });
});

describe('reopen', () => {
  it('clears every acceptance and returns to conditions-pending when a condition is open', () => {
    const next = apply(rusPO, request({ status: 'scheduled', acceptedBy: ['usa', 'rus'] }), 'reopen', [
      condition(),
    ]);
    expect(next).toMatchObject({ status: 'conditions-pending', acceptedBy: [] });
  });
  it('returns to under-consideration otherwise, from confirmed too', () => {
    const next = apply(usaPO, request({ status: 'confirmed', acceptedBy: ['usa', 'rus'] }), 'reopen');
    expect(next).toMatchObject({ status: 'under-consideration', acceptedBy: [] });
  });
  it('applies only after agreement', () => {
    expect(() => apply(usaPO, request({ status: 'under-consideration' }), 'reopen')).toThrow(
      /reopen applies only/,
    );
  });
});

describe('acting for a delegation', () => {
  const both = { ...usaPO, grants: [...usaPO.grants, ...rusPO.grants] };
  it('is inferred when the actor belongs to one party only, and must be named otherwise', () => {
    expect(() => apply(both, request(), 'consider')).toThrow(/only a counterpart/);
    const next = applyTransition(
      request(),
      [],
      'consider',
      { actor: both, summit: SUMMIT, delegation: del('rus') },
      NOW,
    );
    expect(next.status).toBe('under-consideration');
  });
  it('does not carry grants from another summit', () => {
    const elsewhere = member('rus', 'protocol-officer');
    expect(() =>
      applyTransition(
        request(),
        [],
        'consider',
        { actor: elsewhere, summit: 'g20-2017' as typeof SUMMIT },
        NOW,
      ),
    ).toThrow(/only a counterpart/);
  });
});

describe('allowedTransitions', () => {
  it('offers a counterpart what it may do on a fresh request', () => {
    expect(allowedTransitions(request(), [], { actor: rusPO, summit: SUMMIT })).toEqual([
      'consider',
      'accept',
      'decline',
    ]);
    expect(allowedTransitions(request(), [], { actor: rusLead, summit: SUMMIT })).toEqual([
      'consider',
      'accept',
      'decline',
      'downgrade',
    ]);
  });
  it('offers a viewer nothing', () => {
    expect(
      allowedTransitions(request(), [condition()], { actor: member('rus', 'viewer'), summit: SUMMIT }),
    ).toEqual([]);
  });
  it('offers confirm, hold and lapse only when their facts are given', () => {
    const scheduled = request({ status: 'scheduled', acceptedBy: ['usa', 'rus'] });
    expect(allowedTransitions(scheduled, [], { actor: rusPO, summit: SUMMIT })).not.toContain('confirm');
    expect(
      allowedTransitions(scheduled, [], { actor: rusPO, summit: SUMMIT }, { meeting: meeting() }),
    ).toContain('confirm');
    const ends = at('2017-11-11T17:00:00.000Z');
    expect(allowedTransitions(scheduled, [], { actor: SYSTEM, summit: SUMMIT })).not.toContain('lapse');
    expect(
      allowedTransitions(scheduled, [], { actor: SYSTEM, summit: SUMMIT }, { summitEndsAt: ends, now: ends }),
    ).toContain('lapse');
  });
});
