import { describe, expect, it } from 'vitest';
import {
  EditError,
  editRequest,
  EDITABLE_TERMS,
  type RequestChange,
} from '../../../src/domain/request/edit.js';
import { LIFECYCLE } from '../../../src/domain/request/lifecycle.js';
import type { Request } from '../../../src/domain/request/schema.js';
import { at, condition, host, member, request, SUMMIT, SYSTEM } from '../test-support.js';

const NOW = at('2017-11-09T10:00:00.000Z');
const people: Record<string, string> = {
  'usa-potus': 'usa',
  'usa-sos': 'usa',
  'rus-president': 'rus',
  'rus-fm': 'rus',
};
const delegationOf = (p: string) => people[p];
const usaPo = member('usa', 'protocol-officer');
const rusLead = member('rus', 'delegation-lead');

/** A change as a test writes it: ids as plain text. */
type Change = { [K in keyof RequestChange]: unknown };

function edit(req: Request, change: Change, actor = usaPo) {
  return editRequest(req, [], change as RequestChange, delegationOf, { actor, summit: SUMMIT }, NOW);
}

function refusal(req: Request, change: Change, actor = usaPo): string {
  try {
    edit(req, change, actor);
  } catch (e) {
    if (e instanceof EditError) return e.message;
    throw e;
  }
  throw new Error('expected the edit to be refused');
}

describe('editing a request', () => {
  it('lets the requester change every editable term, and says what changed, before and after', () => {
    const agreed = request({ status: 'agreed', acceptedBy: ['usa', 'rus'] });
    const e = edit(agreed, { priority: 5, topics: ['syria', 'dprk'], seats: 8, venue: 'icdn' });
    expect(e.changed).toEqual(['topics', 'priority', 'seats', 'venue']);
    expect(e.before).toEqual({ topics: ['syria'], priority: 3, seats: null, venue: null });
    expect(e.after).toEqual({ topics: ['syria', 'dprk'], priority: 5, seats: 8, venue: 'icdn' });
    // nothing agreed changed: no one is asked again
    expect(e).toMatchObject({ reconsent: false, transitions: [], by: 'usa' });
    expect(e.request).toMatchObject({ status: 'agreed', acceptedBy: ['usa', 'rus'], priority: 5 });
    expect(agreed.priority).toBe(3); // the input is not changed
  });

  it('sends an agreed, scheduled or confirmed request back when minutes, attendees or allowed windows change', () => {
    for (const status of ['agreed', 'scheduled', 'confirmed'] as const) {
      const e = edit(request({ status, acceptedBy: ['usa', 'rus'] }), { minutes: 60 });
      expect(e).toMatchObject({ reconsent: true, transitions: ['amend'] });
      expect(e.request).toMatchObject({ status: 'under-consideration', acceptedBy: ['usa'], minutes: 60 });
    }
    const withTerm = editRequest(
      request({ status: 'agreed', acceptedBy: ['usa', 'rus'] }),
      [condition({ status: 'open' })],
      { allowed: [{ from: at('2017-11-10T00:00:00.000Z'), to: at('2017-11-10T12:00:00.000Z') }] },
      delegationOf,
      { actor: usaPo, summit: SUMMIT },
      NOW,
    );
    expect(withTerm.request.status).toBe('conditions-pending');
  });

  it('withdraws the acceptances of a request under negotiation, but for the editor’s own', () => {
    const e = edit(request({ status: 'under-consideration', acceptedBy: ['usa', 'rus'] }), { minutes: 30 });
    expect(e.request).toMatchObject({ status: 'under-consideration', acceptedBy: ['usa'] });
    const draft = edit(request({ status: 'draft', acceptedBy: [] }), { minutes: 30 });
    expect(draft).toMatchObject({ reconsent: false, transitions: [] });
  });

  it('lets a counterpart change its own attendees only', () => {
    const agreed = request({ status: 'agreed', acceptedBy: ['usa', 'rus'] });
    const e = edit(agreed, { attendees: ['usa-potus', 'rus-president', 'rus-fm'] }, rusLead);
    expect(e.request).toMatchObject({ status: 'under-consideration', acceptedBy: ['rus'] });
    expect(refusal(agreed, { minutes: 30, priority: 1 }, rusLead)).toMatch(
      /a counterpart changes only its own attendees, not minutes, priority/,
    );
    expect(refusal(agreed, { attendees: ['rus-president'] }, rusLead)).toMatch(
      /rus changes only its own attendees; usa-potus belongs to usa/,
    );
    expect(refusal(agreed, { attendees: ['usa-potus', 'usa-sos'] })).toMatch(
      /usa changes only its own attendees; rus-president belongs to rus/,
    );
  });

  it('refuses the host, a viewer, an adviser and any edit of a final request; the system may do anything', () => {
    const agreed = request({ status: 'agreed', acceptedBy: ['usa', 'rus'] });
    const roles = /only a party's delegation-lead or protocol-officer may edit it/;
    expect(refusal(agreed, { priority: 1 }, host('host-admin'))).toMatch(roles);
    expect(refusal(agreed, { priority: 1 }, member('usa', 'viewer'))).toMatch(roles);
    expect(refusal(agreed, { priority: 1 }, member('usa', 'adviser'))).toMatch(roles);
    for (const status of ['held', 'not-held', 'declined', 'withdrawn', 'downgraded', 'lapsed'] as const) {
      expect(refusal(request({ status }), { priority: 1 })).toMatch(
        `the request is ${status}; its terms are final`,
      );
    }
    const bySystem = edit(agreed, { attendees: ['usa-sos', 'rus-fm'], minutes: 30 }, SYSTEM);
    expect(bySystem.request).toMatchObject({ status: 'under-consideration', acceptedBy: [] });
  });

  it('changes nothing when the values given are the values it has', () => {
    const e = edit(request(), { minutes: 45, topics: ['syria'] });
    expect(e.changed).toEqual([]);
    expect(e.reconsent).toBe(false);
  });

  it('lists only terms a request has, and amend is a row of the life cycle', () => {
    const sample = request();
    for (const t of EDITABLE_TERMS) expect(t in sample, t).toBe(true);
    expect(LIFECYCLE.amend.from).toEqual(['agreed', 'scheduled', 'confirmed']);
  });
});
