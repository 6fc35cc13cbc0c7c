import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/actor/schema.js';
import type { PositionId } from '../../../src/domain/ids.js';
import { SUMMIT, SYSTEM, at, del, host, member, request } from '../test-support.js';
import {
  DeliberationError,
  type PositionInput,
  decide,
  recordPosition,
} from '../../../src/domain/deliberation/record.js';

const NOW = at('2017-11-10T10:00:00.000Z');
const ctx = (actor: Actor) => ({ actor, summit: SUMMIT });
const input = (overrides: Partial<PositionInput> = {}): PositionInput => ({
  id: 'p1' as PositionId,
  delegation: del('usa'),
  holder: 'Russia experts',
  stance: 'against',
  rationale: 'No deliverable on Syria yet.',
  considerations: [{ kind: 'risk', weight: 4, topic: 'optics', note: null }],
  ...overrides,
});

describe('recording a position', () => {
  it('is open to an adviser, protocol officer or lead of the same delegation', () => {
    for (const role of ['adviser', 'protocol-officer', 'delegation-lead'] as const) {
      const actor = member('usa', role);
      const position = recordPosition(request(), input(), ctx(actor), NOW);
      expect(position).toMatchObject({
        id: 'p1',
        request: 'usa-rus',
        delegation: 'usa',
        author: actor.user,
        at: NOW,
        version: 1,
      });
    }
  });

  it('is refused to a viewer, to another delegation’s adviser and to the host', () => {
    for (const actor of [member('usa', 'viewer'), member('rus', 'adviser'), host('host-admin')]) {
      expect(() => recordPosition(request(), input(), ctx(actor), NOW)).toThrow(
        "only usa's delegation-lead, protocol-officer, adviser may record positions",
      );
    }
  });

  it('is refused for a delegation that is not a party', () => {
    const e = (() => {
      try {
        recordPosition(request(), input({ delegation: del('chn') }), ctx(member('chn', 'adviser')), NOW);
      } catch (err) {
        if (err instanceof DeliberationError) return err;
        throw err;
      }
    })();
    expect(e?.message).toBe(
      'cannot record a position on request usa-rus for chn as chn/adviser (user chn-adviser): chn is not a party to this request',
    );
  });

  it('names the offending field', () => {
    expect(() =>
      recordPosition(
        request(),
        input({ considerations: [{ kind: 'risk', weight: 9, topic: 'optics', note: null }] }),
        ctx(member('usa', 'adviser')),
        NOW,
      ),
    ).toThrow(/considerations\.0\.weight: /);
  });

  it('lets only the author or the lead amend a position, keeping its version for the store to check', () => {
    const author = member('usa', 'adviser', 'ana');
    const first = { ...recordPosition(request(), input(), ctx(author), NOW), version: 3 };
    const amended = recordPosition(request(), input({ stance: 'for' }), ctx(author), NOW, first);
    expect(amended).toMatchObject({ stance: 'for', version: 3 });
    expect(
      recordPosition(request(), input(), ctx(member('usa', 'delegation-lead')), NOW, first).version,
    ).toBe(3);
    expect(() => recordPosition(request(), input(), ctx(member('usa', 'adviser', 'bo')), NOW, first)).toThrow(
      'position p1 was recorded by ana; only they or the lead may amend it',
    );
    expect(() =>
      recordPosition(request(), input({ id: 'p2' as PositionId }), ctx(author), NOW, first),
    ).toThrow('the previous version given is position p1 of usa');
  });
});

describe('deciding', () => {
  const decision = {
    delegation: del('rus'),
    outcome: 'downgrade-encounter' as const,
    note: 'Bump into each other.',
  };

  it('belongs to the delegation-lead', () => {
    const made = decide(request(), decision, ctx(member('rus', 'delegation-lead', 'lav')), NOW);
    expect(made).toEqual({
      request: 'usa-rus',
      delegation: 'rus',
      outcome: 'downgrade-encounter',
      by: 'lav',
      at: NOW,
      note: 'Bump into each other.',
      version: 1,
    });
    expect(decide(request(), decision, { actor: SYSTEM, summit: SUMMIT }, NOW).by).toBe('system');
  });

  it('is refused to every other role, to another delegation’s lead and to the host', () => {
    const others = [
      member('rus', 'protocol-officer'),
      member('rus', 'adviser'),
      member('rus', 'viewer'),
      member('usa', 'delegation-lead'),
      host('host-admin'),
    ];
    for (const actor of others) {
      expect(() => decide(request(), decision, ctx(actor), NOW)).toThrow(
        "only rus's delegation-lead may decide",
      );
    }
  });

  it('is refused once the request has ended', () => {
    expect(() =>
      decide(request({ status: 'declined' }), decision, ctx(member('rus', 'delegation-lead')), NOW),
    ).toThrow('the request is declined; nothing is left to decide');
  });

  it('refuses a previous decision of another delegation', () => {
    const theirs = decide(
      request(),
      { ...decision, delegation: del('usa') },
      ctx(member('usa', 'delegation-lead')),
      NOW,
    );
    expect(() => decide(request(), decision, ctx(member('rus', 'delegation-lead')), NOW, theirs)).toThrow(
      'the previous version given is the decision of usa on usa-rus',
    );
  });
});
