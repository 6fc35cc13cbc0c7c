import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Position, Stance } from '../../../src/domain/deliberation/schema.js';
import { summarise } from '../../../src/domain/deliberation/summary.js';

function position(
  id: string,
  stance: Stance,
  considerations: [string, 'benefit' | 'risk', number][],
): Position {
  return Position.parse({
    id,
    request: 'usa-rus',
    delegation: 'usa',
    holder: id,
    author: 'ana',
    stance,
    rationale: '',
    considerations: considerations.map(([topic, kind, weight]) => ({ topic, kind, weight, note: null })),
    at: '2017-11-10T10:00:00.000Z',
    version: 1,
  });
}

describe('summarise', () => {
  it('totals weighted benefits and risks per topic and counts stances', () => {
    const summary = summarise([
      position('sos', 'for', [
        ['Syria', 'benefit', 4],
        ['optics', 'risk', 2],
      ]),
      position('experts', 'against', [
        ['optics ', 'risk', 5],
        ['syria', 'risk', 1],
      ]),
      position('nsc', 'against', []),
    ]);
    expect(summary).toEqual({
      positions: 3,
      stances: { for: 1, against: 2, undecided: 0 },
      topics: [
        { topic: 'optics', benefit: 0, risk: 7, net: -7 },
        { topic: 'syria', benefit: 4, risk: 1, net: 3 },
      ],
      benefit: 4,
      risk: 8,
    });
  });

  it('summarises nothing as zeros', () => {
    expect(summarise([])).toEqual({
      positions: 0,
      stances: { for: 0, against: 0, undecided: 0 },
      topics: [],
      benefit: 0,
      risk: 0,
    });
  });

  it('keeps every weight: the totals equal the sum of all considerations', () => {
    const consideration = fc.tuple(
      fc.constantFrom('optics', 'syria', 'DPRK'),
      fc.constantFrom('benefit' as const, 'risk' as const),
      fc.integer({ min: 1, max: 5 }),
    );
    const positions = fc.array(
      fc.tuple(fc.constantFrom(...Stance.options), fc.array(consideration, { maxLength: 4 })),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(positions, (ps) => {
        const summary = summarise(ps.map(([stance, cs], i) => position(`p${i}`, stance, cs)));
        const all = ps.flatMap(([, cs]) => cs);
        const sum = (kind: string) => all.filter(([, k]) => k === kind).reduce((s, [, , w]) => s + w, 0);
        expect(summary.benefit).toBe(sum('benefit'));
        expect(summary.risk).toBe(sum('risk'));
        expect(Object.values(summary.stances).reduce((a, b) => a + b, 0)).toBe(ps.length);
        expect(summary.topics.map((t) => t.topic)).toEqual(
          [...new Set(all.map(([t]) => t.toLowerCase()))].sort(),
        );
      }),
    );
  });
});
