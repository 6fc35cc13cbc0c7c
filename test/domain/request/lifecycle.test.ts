import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DelegationRole, HostRole, type Actor } from '../../../src/domain/actor/schema.js';
import { SUMMIT, SYSTEM, at, condition, host, member, meeting, request } from '../test-support.js';
import {
  FINAL_STATES,
  OPEN_STATES,
  missingAcceptances,
  openConditions,
  partiesOf,
} from '../../../src/domain/request/agreement.js';
import {
  LIFECYCLE,
  type TransitionCommand,
  type TransitionName,
} from '../../../src/domain/request/lifecycle.js';
import {
  ConditionStatus,
  RequestStatus,
  type Condition,
  type Request,
} from '../../../src/domain/request/schema.js';
import {
  TransitionError,
  allowedChangesAt,
  allowedTransitions,
  applyTransition,
} from '../../../src/domain/request/transition.js';
import { instantFromMillis, instantMillis, type Instant } from '../../../src/domain/time.js';

const DELEGATIONS = ['usa', 'rus', 'chn'] as const;
const ENDS = at('2017-11-11T17:00:00.000Z');

const arbActor: fc.Arbitrary<Actor> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...DELEGATIONS), fc.constantFrom(...DelegationRole.options))
    .map(([d, r]) => member(d, r)),
  fc.constantFrom(...HostRole.options).map((r) => host(r)),
  fc.constant(SYSTEM),
);

/** An actor of a delegation with a role that acts on requests. */
const arbPartyActor: fc.Arbitrary<Actor> = fc
  .tuple(
    fc.constantFrom(...DELEGATIONS),
    fc.constantFrom('protocol-officer' as const, 'delegation-lead' as const),
  )
  .map(([d, r]) => member(d, r));

const arbRequest: fc.Arbitrary<Request> = fc
  .record({
    status: fc.constantFrom(...RequestStatus.options),
    multilateral: fc.boolean(),
    acceptedBy: fc.subarray([...DELEGATIONS]),
  })
  .map(({ status, multilateral, acceptedBy }) =>
    request({
      status,
      to: multilateral ? ['rus', 'chn'] : ['rus'],
      acceptedBy: acceptedBy.filter((d) => multilateral || d !== 'chn'),
    }),
  );

const arbConditions: fc.Arbitrary<Condition[]> = fc
  .array(
    fc.record({ status: fc.constantFrom(...ConditionStatus.options), by: fc.constantFrom(...DELEGATIONS) }),
    {
      maxLength: 3,
    },
  )
  .map((cs) => cs.map((c, i) => condition({ ...c, id: `c${i + 1}` })));

const arbMeeting = fc.subarray([...DELEGATIONS]).map((confirmedBy) => meeting({ confirmedBy }));

const arbCommand: fc.Arbitrary<TransitionCommand> = fc.oneof(
  fc.constantFrom<TransitionCommand>(
    { name: 'submit' },
    { name: 'consider' },
    { name: 'setConditionsPending' },
    { name: 'accept' },
    { name: 'agree' },
    { name: 'settleConditions' },
    { name: 'schedule' },
    { name: 'unschedule' },
    { name: 'decline' },
    { name: 'withdraw' },
    { name: 'reopen' },
    { name: 'downgrade', to: 'encounter' },
    { name: 'downgrade', to: 'pull-aside' },
    { name: 'lapse', summitEndsAt: ENDS },
  ),
  arbMeeting.map((m): TransitionCommand => ({ name: 'confirm', meeting: m })),
  arbMeeting.map((m): TransitionCommand => ({ name: 'hold', meeting: m })),
);

const arbNow = fc.constantFrom(at('2017-11-10T10:00:00.000Z'), at('2017-11-10T14:00:00.000Z'), ENDS);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function attempt(req: Request, cs: Condition[], cmd: TransitionCommand, actor: Actor, now: typeof ENDS) {
  try {
    return applyTransition(req, cs, cmd, { actor, summit: SUMMIT }, now);
  } catch (e) {
    if (e instanceof TransitionError) return e;
    throw e;
  }
}

describe('the life-cycle table', () => {
  it('has one row per transition, named after its key', () => {
    for (const [key, rule] of Object.entries(LIFECYCLE)) expect(rule.name).toBe(key);
  });

  it('never leaves a final state', () => {
    for (const rule of Object.values(LIFECYCLE)) {
      expect(rule.from.filter((s) => FINAL_STATES.includes(s))).toEqual([]);
    }
  });

  it('reaches every state of docs/architecture.md but the draft', () => {
    const reached = new Set(Object.values(LIFECYCLE).flatMap((r) => r.to));
    expect(RequestStatus.options.filter((s) => !reached.has(s))).toEqual(['draft']);
  });

  it('lets every open state end: declined or withdrawn, downgraded, lapsed', () => {
    for (const s of OPEN_STATES) {
      expect(LIFECYCLE.withdraw.from).toContain(s);
      expect(LIFECYCLE.lapse.from).toContain(s);
      if (s !== 'draft') {
        expect(LIFECYCLE.decline.from).toContain(s);
        expect(LIFECYCLE.downgrade.from).toContain(s);
      }
    }
  });
});

describe('applying any transition', () => {
  it('never changes its input and lands only where the table says', () => {
    fc.assert(
      fc.property(arbRequest, arbConditions, arbCommand, arbActor, arbNow, (req, cs, cmd, actor, now) => {
        const snapshot = structuredClone({ req, cs, cmd });
        const out = attempt(deepFreeze(req), deepFreeze(cs), deepFreeze(cmd), actor, now);
        expect({ req, cs, cmd }).toEqual(snapshot);
        if (out instanceof TransitionError) {
          expect(out.message).toContain(`in state ${req.status} as `);
          expect(out.missing.length).toBeGreaterThan(0);
        } else {
          expect(LIFECYCLE[cmd.name].from).toContain(req.status);
          expect(LIFECYCLE[cmd.name].to).toContain(out.status);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches agreed only with every party’s acceptance and no open condition', () => {
    const negotiating = arbRequest.filter((r) =>
      ['requested', 'under-consideration', 'conditions-pending'].includes(r.status),
    );
    const cmd = fc.constantFrom<TransitionCommand>({ name: 'accept' }, { name: 'agree' });
    let agreed = 0;
    fc.assert(
      fc.property(negotiating, arbConditions, cmd, arbPartyActor, (req, cs, c, actor) => {
        const out = attempt(req, cs, c, actor, ENDS);
        if (out instanceof TransitionError || out.status !== 'agreed') return;
        agreed += 1;
        expect(missingAcceptances(out)).toEqual([]);
        expect(openConditions(out, cs)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    expect(agreed).toBeGreaterThan(0);
  });

  it('confirms only when every party has confirmed the slot', () => {
    let confirmed = 0;
    fc.assert(
      fc.property(
        arbRequest.map((r) => ({ ...r, status: 'scheduled' as const })),
        arbMeeting,
        arbPartyActor,
        (req, m, actor) => {
          const out = attempt(req, [], { name: 'confirm', meeting: m }, actor, ENDS);
          if (out instanceof TransitionError || out.status !== 'confirmed') return;
          const confirmedBy = [
            ...m.confirmedBy,
            ...partiesOf(req).filter((d) =>
              actor.grants.some((g) => g.kind === 'delegation' && g.delegation === d),
            ),
          ];
          confirmed += 1;
          expect(partiesOf(req).every((d) => confirmedBy.includes(d))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    expect(confirmed).toBeGreaterThan(0);
  });

  it('allowedTransitions answers the same at any time before allowedChangesAt', () => {
    fc.assert(
      fc.property(
        arbRequest,
        arbConditions,
        arbActor,
        arbMeeting,
        arbNow,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (req, cs, actor, m, now, fraction) => {
          const at = (t: Instant) => ({ meeting: m, now: t, summitEndsAt: ENDS });
          const changes = allowedChangesAt(at(now));
          const from = instantMillis(now);
          // a later instant still before the change (or up to a day later when nothing changes)
          const until = changes === null ? from + 86_400_000 : instantMillis(changes) - 1;
          const later = instantFromMillis(from + Math.floor((until - from) * fraction));
          const ctx = { actor, summit: SUMMIT };
          expect(allowedTransitions(req, cs, ctx, at(later))).toEqual(
            allowedTransitions(req, cs, ctx, at(now)),
          );
          if (changes !== null) expect(instantMillis(changes)).toBeGreaterThan(from);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is offered by allowedTransitions exactly when it would succeed', () => {
    fc.assert(
      fc.property(arbRequest, arbConditions, arbActor, arbMeeting, arbNow, (req, cs, actor, m, now) => {
        const allowed = allowedTransitions(
          req,
          cs,
          { actor, summit: SUMMIT },
          { meeting: m, now, summitEndsAt: ENDS },
        );
        const commands: TransitionCommand[] = (Object.keys(LIFECYCLE) as TransitionName[]).map((name) =>
          name === 'confirm' || name === 'hold'
            ? { name, meeting: m }
            : name === 'downgrade'
              ? { name, to: 'pull-aside' }
              : name === 'lapse'
                ? { name, summitEndsAt: ENDS }
                : { name },
        );
        const succeeding = commands.filter(
          (c) => !(attempt(req, cs, c, actor, now) instanceof TransitionError),
        );
        expect(allowed).toEqual(succeeding.map((c) => c.name));
      }),
      { numRuns: 1000 },
    );
  });
});
