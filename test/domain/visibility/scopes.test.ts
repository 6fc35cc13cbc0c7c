import { describe, expect, it } from 'vitest';
import { del, meeting, request } from '../test-support.js';
import {
  scopeOfBusy,
  scopeOfCondition,
  scopeOfDeliberation,
  scopeOfLogistics,
  scopeOfMeeting,
  scopeOfPublicLine,
  scopeOfRequest,
  scopeOfRoomBooking,
  scopeOfThread,
} from '../../../src/domain/visibility/scopes.js';

const multi = request({ id: 'usa-rus-chn', to: ['rus', 'chn'], format: 'multilateral' });
const parties = {
  kind: 'parties',
  request: 'usa-rus-chn',
  delegations: ['usa', 'rus', 'chn'],
  confidential: false,
};

describe('the scope of each kind of record', () => {
  it('gives a request, its conditions and its thread to the request’s parties', () => {
    expect(scopeOfRequest(multi)).toEqual(parties);
    expect(scopeOfCondition(multi)).toEqual(parties);
    expect(scopeOfThread(multi)).toEqual(parties);
  });

  it('carries the request’s confidentiality when it is known, and leaves it unsaid otherwise', () => {
    expect(scopeOfRequest({ ...multi, confidential: true })).toMatchObject({ confidential: true });
    expect(scopeOfRequest({ id: multi.id, from: multi.from, to: multi.to })).not.toHaveProperty(
      'confidential',
    );
  });

  it('gives a meeting to the parties until it is announced, then to everyone', () => {
    expect(scopeOfMeeting(multi, meeting())).toEqual(parties);
    expect(scopeOfMeeting(multi, meeting({ announced: true }))).toEqual({ kind: 'summit' });
  });

  it('keeps positions, decisions and busy blocks in their delegation', () => {
    expect(scopeOfDeliberation({ delegation: del('rus') })).toEqual({
      kind: 'delegation',
      delegation: 'rus',
    });
    expect(scopeOfBusy({ delegation: del('usa') })).toEqual({ kind: 'delegation', delegation: 'usa' });
  });

  it('keeps a draft public line in its delegation and gives a published one to everyone', () => {
    expect(scopeOfPublicLine({ delegation: del('rus'), published: false })).toEqual({
      kind: 'delegation',
      delegation: 'rus',
    });
    expect(scopeOfPublicLine({ delegation: del('rus'), published: true })).toEqual({ kind: 'summit' });
  });

  it('gives the programme, rooms and delegations to everyone and room bookings to the host', () => {
    expect(scopeOfLogistics()).toEqual({ kind: 'summit' });
    expect(scopeOfRoomBooking()).toEqual({ kind: 'host' });
  });
});
