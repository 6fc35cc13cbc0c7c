import { describe, expect, it } from 'vitest';
import { compareObjectives, computeObjective } from '../../../src/engine/check/objective.js';
import { indexSummit } from '../../../src/engine/check/summit-index.js';
import { placement, summitFixture } from './fixtures.js';

const data = summitFixture()
  .room('b1')
  .room('b2')
  .delegation('usa')
  .delegation('jpn')
  .delegation('chn')
  .request('usa-jpn', {
    from: 'usa',
    to: ['jpn'],
    priority: 5,
    preferred: [{ from: '2017-11-10T14:00', to: '2017-11-10T15:00' }],
  })
  .request('usa-chn', { from: 'usa', to: ['chn'], priority: 2 })
  .request('jpn-chn', { from: 'jpn', to: ['chn'], priority: 1 })
  .meeting('usa-chn', { start: '2017-11-10T09:00', room: 'b1' })
  .meeting('jpn-chn', { start: '2017-11-10T09:00', room: 'b2' })
  .meeting('usa-jpn', { start: '2017-11-10T10:00', room: 'b1', pinned: true })
  .build();
const index = indexSummit(data);

describe('the objective', () => {
  it('sums priorities, counts starts inside a preferred window, and counts unpinned meetings moved', () => {
    const plan = [
      // Starts at 14:45, inside [14:00, 15:00), though it ends after the window.
      placement(data, 'usa-jpn', '2017-11-10T14:45', 'b1'),
      placement(data, 'usa-chn', '2017-11-10T09:00', 'b2'),
      placement(data, 'jpn-chn', '2017-11-10T09:00', 'b2'),
    ];
    // usa-chn changed room (moved); jpn-chn kept start and room; usa-jpn is pinned, not counted here.
    expect(computeObjective(index, plan)).toEqual({ weight: 8, preferred: 1, moved: 1 });
  });
  it('does not count a start at the end of a preferred window, nor an existing meeting left off the plan', () => {
    const plan = [placement(data, 'usa-jpn', '2017-11-10T15:00', 'b1')];
    expect(computeObjective(index, plan)).toEqual({ weight: 5, preferred: 0, moved: 0 });
  });
  it('counts a request placed twice once', () => {
    const p = placement(data, 'jpn-chn', '2017-11-10T09:00', 'b2');
    expect(computeObjective(index, [p, { ...p }])).toEqual({ weight: 1, preferred: 0, moved: 0 });
  });
  it('ranks weight first, then preferred, then fewer moved', () => {
    expect(
      compareObjectives({ weight: 5, preferred: 0, moved: 9 }, { weight: 4, preferred: 9, moved: 0 }),
    ).toBeGreaterThan(0);
    expect(
      compareObjectives({ weight: 5, preferred: 1, moved: 9 }, { weight: 5, preferred: 0, moved: 0 }),
    ).toBeGreaterThan(0);
    expect(
      compareObjectives({ weight: 5, preferred: 1, moved: 2 }, { weight: 5, preferred: 1, moved: 1 }),
    ).toBeLessThan(0);
    expect(
      compareObjectives({ weight: 5, preferred: 1, moved: 1 }, { weight: 5, preferred: 1, moved: 1 }),
    ).toBe(0);
  });
});
