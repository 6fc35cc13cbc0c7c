import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/actor/schema.js';
import type { ConditionId } from '../../../src/domain/ids.js';
import { SUMMIT, SYSTEM, at, condition, del, host, member, request } from '../test-support.js';
import {
  ConditionError,
  type NewCondition,
  acceptCondition,
  counterCondition,
  proposeCondition,
  rejectCondition,
  withdrawCondition,
} from '../../../src/domain/request/conditions.js';
import type { Condition, Request } from '../../../src/domain/request/schema.js';

const NOW = at('2017-11-10T10:00:00.000Z');
const usaPO = member('usa', 'protocol-officer');
const rusPO = member('rus', 'protocol-officer');
const cid = (id: string) => id as ConditionId;
const ctx = (actor: Actor) => ({ actor, summit: SUMMIT });
const agenda = (id = 'c2'): NewCondition => ({ id: cid(id), kind: 'agenda', text: 'Ukraine on the agenda' });

function refusal(fn: () => unknown): ConditionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConditionError) return e;
    throw e;
  }
  throw new Error('expected a ConditionError, got none');
}

describe('proposing a condition', () => {
  it('adds an open condition set by the actor’s delegation and marks the request conditions-pending', () => {
    const change = proposeCondition(
      request({ status: 'under-consideration' }),
      [],
      agenda(),
      ctx(rusPO),
      NOW,
    );
    expect(change.conditions).toEqual([
      {
        id: 'c2',
        request: 'usa-rus',
        by: 'rus',
        kind: 'agenda',
        text: 'Ukraine on the agenda',
        status: 'open',
        counters: null,
        version: 1,
      },
    ]);
    expect(change.request.status).toBe('conditions-pending');
    expect(change.transitions).toEqual(['setConditionsPending']);
  });

  it('reopens an agreed or scheduled request to conditions-pending and clears acceptances', () => {
    for (const status of ['agreed', 'scheduled'] as const) {
      const change = proposeCondition(
        request({ status, acceptedBy: ['usa', 'rus'] }),
        [],
        agenda(),
        ctx(usaPO),
        NOW,
      );
      expect(change.request).toMatchObject({ status: 'conditions-pending', acceptedBy: [] });
      expect(change.transitions).toEqual(['reopen']);
    }
  });

  it('leaves a conditions-pending request where it is', () => {
    const pending = request({ status: 'conditions-pending' });
    const change = proposeCondition(pending, [condition()], agenda(), ctx(rusPO), NOW);
    expect(change.request).toEqual(pending);
    expect(change.transitions).toEqual([]);
  });

  it('is refused to a non-party, a viewer and the host', () => {
    for (const actor of [member('chn', 'protocol-officer'), member('rus', 'viewer'), host('host-admin')]) {
      expect(refusal(() => proposeCondition(request(), [], agenda(), ctx(actor), NOW)).missing).toEqual([
        'only a party (usa, rus) as delegation-lead or protocol-officer may set or answer conditions',
      ]);
    }
  });

  it('is refused on a draft or an ended request', () => {
    for (const status of ['draft', 'declined', 'held'] as const) {
      expect(() => proposeCondition(request({ status }), [], agenda(), ctx(usaPO), NOW)).toThrow(
        `the request is ${status}`,
      );
    }
  });

  it('refuses a duplicate id and bad text, naming the field', () => {
    const e = refusal(() =>
      proposeCondition(
        request(),
        [condition()],
        { id: cid('c1'), kind: 'agenda', text: '' },
        ctx(usaPO),
        NOW,
      ),
    );
    expect(e.message).toMatch(/^cannot propose condition c1 on request usa-rus as usa\/protocol-officer/);
    expect(e.missing[0]).toBe('condition c1 already exists on this request');
    expect(e.missing[1]).toMatch(/^text: /);
  });
});

describe('accepting and rejecting a condition', () => {
  const pending = (acceptedBy: string[] = ['usa']): Request =>
    request({ status: 'conditions-pending', acceptedBy });

  it('agrees the request when the last open condition is accepted and every party has accepted', () => {
    const change = acceptCondition(pending(['usa', 'rus']), [condition()], cid('c1'), ctx(rusPO), NOW);
    expect(change.conditions[0]?.status).toBe('accepted');
    expect(change.request.status).toBe('agreed');
    expect(change.transitions).toEqual(['agree']);
  });

  it('returns to under-consideration when the conditions are settled but a party has not accepted', () => {
    const change = acceptCondition(pending(), [condition()], cid('c1'), ctx(rusPO), NOW);
    expect(change.request.status).toBe('under-consideration');
    expect(change.transitions).toEqual(['settleConditions']);
  });

  it('stays conditions-pending while another condition is open', () => {
    const cs = [condition(), condition({ id: 'c2' })];
    const change = acceptCondition(pending(['usa', 'rus']), cs, cid('c1'), ctx(rusPO), NOW);
    expect(change.request.status).toBe('conditions-pending');
  });

  it('is not the setter’s to accept or reject', () => {
    const e = refusal(() => acceptCondition(pending(), [condition()], cid('c1'), ctx(usaPO), NOW));
    expect(e.message).toBe(
      'cannot accept condition c1 (set by usa, open) on request usa-rus as usa/protocol-officer (user usa-protocol-officer): ' +
        'usa set it; only the other parties (rus) may accept it',
    );
    expect(() => rejectCondition(pending(), [condition()], cid('c1'), ctx(usaPO), NOW)).toThrow(
      /may reject it/,
    );
  });

  it('changes only an open condition', () => {
    for (const status of ['accepted', 'rejected', 'withdrawn'] as const) {
      const e = refusal(() =>
        acceptCondition(pending(), [condition({ status })], cid('c1'), ctx(rusPO), NOW),
      );
      expect(e.state).toBe(status);
      expect(e.missing).toEqual(['only an open condition can be accepted']);
    }
  });

  it('names a condition that does not exist on the request', () => {
    const elsewhere = [condition({ request: 'jpn-usa' })];
    expect(refusal(() => acceptCondition(pending(), elsewhere, cid('c1'), ctx(rusPO), NOW)).message).toBe(
      'cannot accept condition c1 on request usa-rus as rus/protocol-officer (user rus-protocol-officer): no such condition on this request',
    );
  });

  it('rejecting clears the setter’s acceptance, so a rejected term never agrees the request by itself', () => {
    const change = rejectCondition(pending(['usa', 'rus']), [condition()], cid('c1'), ctx(rusPO), NOW);
    expect(change.conditions[0]?.status).toBe('rejected');
    expect(change.request).toMatchObject({ status: 'under-consideration', acceptedBy: ['rus'] });
  });
});

describe('withdrawing a condition', () => {
  it('is the setter’s alone', () => {
    const pending = request({ status: 'conditions-pending', acceptedBy: ['usa', 'rus'] });
    const change = withdrawCondition(pending, [condition()], cid('c1'), ctx(usaPO), NOW);
    expect(change.conditions[0]?.status).toBe('withdrawn');
    expect(change.request.status).toBe('agreed');
    expect(
      refusal(() => withdrawCondition(pending, [condition()], cid('c1'), ctx(rusPO), NOW)).missing,
    ).toEqual(['only usa, which set it, may withdraw it']);
  });
});

describe('countering a condition', () => {
  it('rejects it and proposes a new one that counters it', () => {
    const pending = request({ status: 'conditions-pending', acceptedBy: ['usa', 'rus'] });
    const change = counterCondition(pending, [condition()], cid('c1'), agenda('c2'), ctx(rusPO), NOW);
    expect(change.conditions.map((c: Condition) => [c.id, c.by, c.status, c.counters])).toEqual([
      ['c1', 'usa', 'rejected', null],
      ['c2', 'rus', 'open', 'c1'],
    ]);
    expect(change.request).toMatchObject({ status: 'conditions-pending', acceptedBy: ['rus'] });
  });

  it('changes nothing when the new condition is refused', () => {
    const cs = [condition(), condition({ id: 'c2', by: 'rus' })];
    const snapshot = structuredClone(cs);
    expect(() =>
      counterCondition(
        request({ status: 'conditions-pending' }),
        cs,
        cid('c1'),
        agenda('c2'),
        ctx(rusPO),
        NOW,
      ),
    ).toThrow(/condition c2 already exists/);
    expect(cs).toEqual(snapshot);
  });
});

describe('the system', () => {
  it('may answer for a named party', () => {
    const change = acceptCondition(
      request({ status: 'conditions-pending', acceptedBy: ['usa', 'rus'] }),
      [condition()],
      cid('c1'),
      { actor: SYSTEM, summit: SUMMIT, delegation: del('rus') },
      NOW,
    );
    expect(change.request.status).toBe('agreed');
  });
});
