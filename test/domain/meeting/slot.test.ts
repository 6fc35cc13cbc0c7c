import { describe, expect, it } from 'vitest';
import { SUMMIT, at, member, meeting, request } from '../test-support.js';
import { TransitionError } from '../../../src/domain/request/transition.js';
import { confirmSlot } from '../../../src/domain/meeting/slot.js';

const NOW = at('2017-11-10T10:00:00.000Z');
const scheduled = request({ status: 'scheduled', acceptedBy: ['usa', 'rus'] });

describe('confirming a slot', () => {
  it('records the party on the meeting and confirms the request once every party has', () => {
    const first = confirmSlot(
      scheduled,
      meeting(),
      [],
      { actor: member('rus', 'protocol-officer'), summit: SUMMIT },
      NOW,
    );
    expect(first.meeting.confirmedBy).toEqual(['rus']);
    expect(first.request.status).toBe('scheduled');
    const second = confirmSlot(
      first.request,
      first.meeting,
      [],
      { actor: member('usa', 'delegation-lead'), summit: SUMMIT },
      NOW,
    );
    expect(second.meeting.confirmedBy).toEqual(['rus', 'usa']);
    expect(second.request.status).toBe('confirmed');
  });

  it('changes nothing when refused', () => {
    const m = meeting({ confirmedBy: ['rus'] });
    expect(() =>
      confirmSlot(scheduled, m, [], { actor: member('rus', 'viewer'), summit: SUMMIT }, NOW),
    ).toThrow(TransitionError);
    expect(m.confirmedBy).toEqual(['rus']);
  });
});
