import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { del } from '../test-support.js';
import { person, programmeEvent, summitData } from '../summit/test-data.js';
import { presenceOf, summitSpan } from '../../../src/domain/summit/presence.js';
import type { PersonId } from '../../../src/domain/ids.js';
import { encountersBetween } from '../../../src/domain/encounter/encounters.js';
import { Delegation } from '../../../src/domain/summit/schema.js';

const USA = del('usa');
const RUS = del('rus');
const gala = programmeEvent({
  id: 'gala',
  title: 'Gala dinner',
  from: '2017-11-10T12:00:00.000Z',
  to: '2017-11-10T14:00:00.000Z',
});
const photo = programmeEvent({
  id: 'photo',
  title: 'Family photo',
  from: '2017-11-10T09:00:00.000Z',
  to: '2017-11-10T09:30:00.000Z',
});

describe('encountersBetween', () => {
  it('finds every encounter event both principals attend, in time order', () => {
    const data = summitData({ programme: [gala, photo] });
    expect(encountersBetween(data, USA, RUS)).toEqual([
      {
        event: 'photo',
        title: 'Family photo',
        venue: 'ariyana',
        from: '2017-11-10T09:00:00.000Z',
        to: '2017-11-10T09:30:00.000Z',
      },
      {
        event: 'gala',
        title: 'Gala dinner',
        venue: 'ariyana',
        from: '2017-11-10T12:00:00.000Z',
        to: '2017-11-10T14:00:00.000Z',
      },
    ]);
  });

  it('ignores events that are not encounters', () => {
    const plenary = programmeEvent({
      id: 'plenary',
      from: '2017-11-10T03:00:00.000Z',
      to: '2017-11-10T05:00:00.000Z',
      encounter: false,
    });
    expect(encountersBetween(summitData({ programme: [plenary] }), USA, RUS)).toEqual([]);
  });

  it('needs both principals among the attendees', () => {
    const retreat = programmeEvent({
      id: 'retreat',
      from: '2017-11-10T03:00:00.000Z',
      to: '2017-11-10T05:00:00.000Z',
      attendees: ['usa-principal', 'chn-principal'],
    });
    expect(encountersBetween(summitData({ programme: [retreat] }), USA, RUS)).toEqual([]);
    expect(encountersBetween(summitData({ programme: [retreat] }), USA, del('chn'))).toHaveLength(1);
  });

  it('clips to the delegation’s presence when the principal has none of their own', () => {
    const data = summitData({ programme: [gala] });
    const usa = Delegation.parse({
      ...data.delegations[0],
      presence: [{ from: '2017-11-10T13:00:00.000Z', to: '2017-11-11T08:00:00.000Z' }],
    });
    data.delegations[0] = usa;
    expect(encountersBetween(data, USA, RUS).map((w) => [w.from, w.to])).toEqual([
      ['2017-11-10T13:00:00.000Z', '2017-11-10T14:00:00.000Z'],
    ]);
  });

  it('lets a person’s own presence override the delegation’s, and splits at an absence', () => {
    const data = summitData({ programme: [gala] });
    data.delegations[1] = Delegation.parse({ ...data.delegations[1], presence: [] });
    data.persons[1] = person({
      id: 'rus-principal',
      delegation: 'rus',
      role: 'principal',
      presence: [
        { from: '2017-11-10T00:00:00.000Z', to: '2017-11-10T12:30:00.000Z' },
        { from: '2017-11-10T13:15:00.000Z', to: '2017-11-11T00:00:00.000Z' },
      ],
    });
    expect(encountersBetween(data, USA, RUS).map((w) => [w.from, w.to])).toEqual([
      ['2017-11-10T12:00:00.000Z', '2017-11-10T12:30:00.000Z'],
      ['2017-11-10T13:15:00.000Z', '2017-11-10T14:00:00.000Z'],
    ]);
  });

  it('takes the whole summit, in its time zone, as the presence of those who gave none', () => {
    const data = summitData();
    expect(summitSpan(data.summit)).toEqual({
      from: '2017-11-07T17:00:00.000Z',
      to: '2017-11-11T17:00:00.000Z',
    });
    const farewell = programmeEvent({
      id: 'farewell',
      from: '2017-11-11T16:00:00.000Z',
      to: '2017-11-11T18:00:00.000Z',
    });
    expect(encountersBetween(summitData({ programme: [farewell] }), USA, RUS).map((w) => w.to)).toEqual([
      '2017-11-11T17:00:00.000Z',
    ]);
  });

  it('names an unknown delegation or principal, and refuses one delegation twice', () => {
    const data = summitData();
    expect(() => encountersBetween(data, USA, del('fra'))).toThrow('no delegation "fra" in summit apec-2017');
    expect(() => encountersBetween({ ...data, persons: data.persons.slice(1) }, USA, RUS)).toThrow(
      'delegation "usa" names principal "usa-principal", who is not among its persons',
    );
    expect(() => encountersBetween(data, USA, USA)).toThrow('an encounter needs two delegations');
    expect(() => presenceOf(data, 'nobody' as PersonId)).toThrow('no person "nobody"');
  });

  it('returns only windows inside the event and both presences, in order (property)', () => {
    const hour = 3_600_000;
    const base = Date.parse('2017-11-10T00:00:00.000Z');
    const span = fc
      .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 6 }))
      .map(([start, len]) => ({
        from: new Date(base + start * hour).toISOString(),
        to: new Date(base + (start + len) * hour).toISOString(),
      }));
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 5 }),
        fc.array(span, { maxLength: 3 }),
        fc.array(span, { maxLength: 3 }),
        (events, pu, pr) => {
          const data = summitData({
            programme: events.map((e, i) => programmeEvent({ id: `e${i}`, ...e })),
          });
          data.persons[0] = person({
            id: 'usa-principal',
            delegation: 'usa',
            role: 'principal',
            presence: pu,
          });
          data.persons[1] = person({
            id: 'rus-principal',
            delegation: 'rus',
            role: 'principal',
            presence: pr,
          });
          const found = encountersBetween(data, USA, RUS);
          const inside = (w: { from: string; to: string }, spans: { from: string; to: string }[]) =>
            spans.some(
              (s) => Date.parse(s.from) <= Date.parse(w.from) && Date.parse(w.to) <= Date.parse(s.to),
            );
          for (const w of found) {
            expect(Date.parse(w.from)).toBeLessThan(Date.parse(w.to));
            expect(
              inside(
                w,
                events.filter((_, i) => `e${i}` === w.event),
              ),
            ).toBe(true);
            expect(inside(w, pu)).toBe(true);
            expect(inside(w, pr)).toBe(true);
          }
          expect(found.map((w) => w.from)).toEqual(found.map((w) => w.from).sort());
          // With both present throughout, every event is found whole.
          const always = [{ from: '2017-11-01T00:00:00.000Z', to: '2017-11-20T00:00:00.000Z' }];
          data.persons[0] = { ...data.persons[0]!, presence: always as never };
          data.persons[1] = { ...data.persons[1]!, presence: always as never };
          expect(encountersBetween(data, USA, RUS)).toHaveLength(events.length);
        },
      ),
    );
  });
});
