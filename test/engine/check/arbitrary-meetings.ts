// Existing meetings for a generated summit. Pinned meetings and those of confirmed requests are
// taken unchanged from a valid greedy plan, so some plan keeps them all; unpinned ones may sit
// anywhere (they are only where a meeting was before), and requests that may no longer be placed
// may keep an old meeting too.
import fc from 'fast-check';
import type { SummitData } from '../../../src/domain/summit/data.js';
import { Meeting } from '../../../src/domain/meeting/schema.js';
import { instantFromMillis } from '../../../src/domain/time.js';
import { greedyPlan } from '../../../src/engine/baseline/greedy.js';
import { isPlaceable, ms } from '../../../src/engine/check/summit-index.js';

type Choice = 'none' | 'pinned' | 'kept' | 'moved';

/** `data` with existing meetings added. */
export function withExistingMeetings(data: SummitData): fc.Arbitrary<SummitData> {
  const plan = greedyPlan(data);
  const grainMs = data.summit.grainMinutes * 60_000;
  const roomIds = data.rooms.map((r) => r.id as string);
  const placedChoices = fc.array(
    fc.record({
      choice: fc.constantFrom<Choice>('none', 'pinned', 'kept', 'moved'),
      shift: fc.integer({ min: -3, max: 3 }),
      room: fc.constantFrom(...roomIds),
    }),
    { minLength: plan.meetings.length, maxLength: plan.meetings.length },
  );
  const stale = fc.array(
    fc.record({ keep: fc.boolean(), pinned: fc.boolean(), shift: fc.integer({ min: 0, max: 8 }) }),
    {
      minLength: data.requests.length,
      maxLength: data.requests.length,
    },
  );
  return fc.record({ placedChoices, stale }).map(({ placedChoices, stale }) => {
    const meetings: Meeting[] = [];
    const placed = new Set<string>();
    plan.meetings.forEach((p, i) => {
      const c = placedChoices[i];
      const request = data.requests.find((r) => r.id === p.request);
      if (!c || !request || c.choice === 'none') return;
      placed.add(p.request);
      // A confirmed request's meeting is fixed, so it must stay where the valid plan put it.
      const moved = c.choice === 'moved' && request.status !== 'confirmed';
      const start = ms(p.start) + (moved ? c.shift * grainMs : 0);
      const room = moved && p.room !== null ? c.room : p.room;
      meetings.push(meeting(p.request, start, start + request.minutes * 60_000, room, c.choice === 'pinned'));
    });
    data.requests.forEach((r, i) => {
      const s = stale[i];
      if (!s || !s.keep || placed.has(r.id) || (isPlaceable(r) && (s.pinned || r.status === 'confirmed')))
        return;
      const start = Date.parse(`${data.summit.days.from}T12:00:00Z`) + s.shift * grainMs;
      meetings.push(
        meeting(
          r.id,
          start,
          start + r.minutes * 60_000,
          r.format === 'pull-aside' ? null : (roomIds[0] ?? null),
          s.pinned,
        ),
      );
    });
    return { ...data, meetings };
  });
}

function meeting(request: string, start: number, end: number, room: string | null, pinned: boolean): Meeting {
  return Meeting.parse({
    request,
    start: instantFromMillis(start),
    end: instantFromMillis(end),
    room,
    pinned,
    confirmedBy: [],
    announced: false,
    version: 1,
  });
}
