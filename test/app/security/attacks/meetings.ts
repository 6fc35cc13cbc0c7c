// Attacks on meetings: placing, moving, pinning, confirming and announcing them.
import type { DelegationId } from '../../../../src/domain/ids.js';
import { announceMeeting, confirmMeeting } from '../../../../src/app/meetings/confirm.js';
import { placeMeeting, setPinned, unplaceMeeting } from '../../../../src/app/meetings/place.js';
import { takeAlternative } from '../../../../src/app/meetings/alternative.js';
import { attack, attacks, type Attack } from '../probe.js';
import { S } from '../world.js';

const HOST = ['host-admin', 'host-staff'] as const;
const usa = 'usa' as DelegationId;
/** 10 Nov 14:00 in Da Nang, inside usa-rus-fm's allowed windows. */
const slot = { start: '2017-11-10T07:00:00.000Z', room: 'ariyana-b4' };

/** Every meeting use case, with the attempts that must fail. */
export const MEETING_ATTACKS: Record<string, Attack[]> = {
  'meetings/place.ts#placeMeeting': [
    // a party places only its confidential requests; the host places the rest
    ...attacks(['rus', 'usa-viewer'], 'places usa-rus-fm', 'forbidden', (w, a) =>
      placeMeeting(w.ctx, a, S, 'usa-rus-fm', slot),
    ),
    attack('chn', 'places usa-rus-fm', 'hidden', (w, a) => placeMeeting(w.ctx, a, S, 'usa-rus-fm', slot)),
    attack('chn', 'moves the confidential usa-rus-officials', 'hidden', (w, a) =>
      placeMeeting(w.ctx, a, S, 'usa-rus-officials', slot),
    ),
    ...attacks(
      ['usa-viewer', 'usa-adviser'],
      'moves its own confidential usa-rus-officials',
      'forbidden',
      (w, a) => placeMeeting(w.ctx, a, S, 'usa-rus-officials', slot),
    ),
    attack('rus', 'moves usa-rus-officials acting for the US', 'forbidden', (w, a) =>
      placeMeeting(w.ctx, a, S, 'usa-rus-officials', slot, { actingFor: usa }),
    ),
    attack('rus', 'moves twn-jpn, a confidential request it is no party to', 'hidden', (w, a) =>
      placeMeeting(w.ctx, a, S, 'twn-jpn', { start: slot.start, room: null }),
    ),
    ...attacks(['other-summit', 'other-host', 'nobody'], 'places usa-rus-fm', 'forbidden', (w, a) =>
      placeMeeting(w.ctx, a, S, 'usa-rus-fm', slot),
    ),
    ...attacks(HOST, 'moves the confidential usa-rus-officials', 'hidden', (w, a) =>
      placeMeeting(w.ctx, a, S, 'usa-rus-officials', slot),
    ),
    attack('host-staff', 'moves the confidential twn-jpn', 'hidden', (w, a) =>
      placeMeeting(w.ctx, a, S, 'twn-jpn', { start: slot.start, room: null }),
    ),
    attack('host-admin', 'places at a malformed time', 'invalid', (w, a) =>
      placeMeeting(w.ctx, a, S, 'usa-rus-fm', { start: 'tomorrow', room: 'ariyana-b4' }),
    ),
  ],
  'meetings/place.ts#unplaceMeeting': [
    ...attacks(['usa-viewer', 'other-host'], 'takes png-usa off the calendar', 'forbidden', (w, a) =>
      unplaceMeeting(w.ctx, a, S, 'png-usa'),
    ),
    ...attacks(['chn', 'rus'], 'takes png-usa off the calendar', 'hidden', (w, a) =>
      unplaceMeeting(w.ctx, a, S, 'png-usa'),
    ),
    attack('chn', 'takes usa-rus-officials off the calendar', 'hidden', (w, a) =>
      unplaceMeeting(w.ctx, a, S, 'usa-rus-officials'),
    ),
    attack('usa-adviser', 'takes its own usa-rus-officials off the calendar', 'forbidden', (w, a) =>
      unplaceMeeting(w.ctx, a, S, 'usa-rus-officials'),
    ),
    ...attacks(HOST, 'takes usa-rus-officials off the calendar', 'hidden', (w, a) =>
      unplaceMeeting(w.ctx, a, S, 'usa-rus-officials'),
    ),
  ],
  'meetings/alternative.ts#takeAlternative': [
    // a viewer or adviser may not take the slot offered to its own meeting; outsiders learn nothing
    ...attacks(['usa-viewer', 'usa-adviser'], 'takes the slot offered to png-usa', 'forbidden', (w, a) =>
      takeAlternative(w.ctx, a, S, 'png-usa', slot),
    ),
    ...attacks(['chn', 'rus'], 'takes the slot offered to png-usa', 'hidden', (w, a) =>
      takeAlternative(w.ctx, a, S, 'png-usa', slot),
    ),
    ...attacks([...HOST, 'chn'], 'takes the slot offered to usa-rus-officials', 'hidden', (w, a) =>
      takeAlternative(w.ctx, a, S, 'usa-rus-officials', slot),
    ),
    // outside the summit: its records are not theirs to know of
    ...attacks(
      ['other-summit', 'other-host', 'nobody'],
      'takes the slot offered to png-usa',
      'hidden',
      (w, a) => takeAlternative(w.ctx, a, S, 'png-usa', slot),
    ),
    attack('host-staff', 'takes an offer at a malformed time', 'invalid', (w, a) =>
      takeAlternative(w.ctx, a, S, 'png-usa', { start: 'tomorrow', room: null }),
    ),
  ],
  'meetings/place.ts#setPinned': [
    ...attacks(['usa-viewer', 'other-host'], 'pins png-usa', 'forbidden', (w, a) =>
      setPinned(w.ctx, a, S, 'png-usa', true),
    ),
    ...attacks(['chn', 'rus'], 'pins png-usa', 'hidden', (w, a) => setPinned(w.ctx, a, S, 'png-usa', true)),
    attack('chn', 'pins usa-rus-officials', 'hidden', (w, a) =>
      setPinned(w.ctx, a, S, 'usa-rus-officials', true),
    ),
    attack('usa-viewer', 'pins its own usa-rus-officials', 'forbidden', (w, a) =>
      setPinned(w.ctx, a, S, 'usa-rus-officials', true),
    ),
    ...attacks(HOST, 'pins usa-rus-officials', 'hidden', (w, a) =>
      setPinned(w.ctx, a, S, 'usa-rus-officials', true),
    ),
  ],
  'meetings/confirm.ts#confirmMeeting': [
    attack('chn', 'confirms png-usa', 'hidden', (w, a) => confirmMeeting(w.ctx, a, S, 'png-usa')),
    ...attacks([...HOST, 'usa-viewer', 'usa-adviser'], 'confirms png-usa', 'forbidden', (w, a) =>
      confirmMeeting(w.ctx, a, S, 'png-usa'),
    ),
    attack('rus', 'confirms usa-rus-officials for the US', 'forbidden', (w, a) =>
      confirmMeeting(w.ctx, a, S, 'usa-rus-officials', { actingFor: usa }),
    ),
    ...attacks(HOST, 'confirms usa-rus-officials', 'hidden', (w, a) =>
      confirmMeeting(w.ctx, a, S, 'usa-rus-officials'),
    ),
    ...attacks(['other-summit', 'nobody'], 'confirms png-usa', 'hidden', (w, a) =>
      confirmMeeting(w.ctx, a, S, 'png-usa'),
    ),
  ],
  'meetings/confirm.ts#announceMeeting': [
    attack('chn', 'announces usa-rus-officials', 'hidden', (w, a) =>
      announceMeeting(w.ctx, a, S, 'usa-rus-officials'),
    ),
    ...attacks(HOST, 'announces usa-rus-officials', 'hidden', (w, a) =>
      announceMeeting(w.ctx, a, S, 'usa-rus-officials'),
    ),
    ...attacks([...HOST, 'usa-viewer'], 'announces png-usa', 'forbidden', (w, a) =>
      announceMeeting(w.ctx, a, S, 'png-usa'),
    ),
    attack('rus', 'announces usa-rus-officials for the US', 'forbidden', (w, a) =>
      announceMeeting(w.ctx, a, S, 'usa-rus-officials', { actingFor: usa }),
    ),
    ...attacks(['other-summit', 'nobody'], 'announces png-usa', 'hidden', (w, a) =>
      announceMeeting(w.ctx, a, S, 'png-usa'),
    ),
  ],
};
