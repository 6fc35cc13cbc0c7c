import { describe, expect, it } from 'vitest';
import type { SummitData } from '../../src/domain/summit/data.js';
import { greedyPlan } from '../../src/engine/baseline/greedy.js';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import { readSummitFile } from '../../src/io/summit-file/read.js';
import type { SummitFile } from '../generate/file.js';
import { generate } from '../generate/generate.js';
import { collectColumns, measureModel } from './columns.js';
import { buildInstance } from './instance.js';
import { startVector } from './plan.js';
import { solveMilp } from './solve.js';

/**
 * One morning 09:00–11:00, grain 60, no buffer; venues a and b `travel` minutes apart, one room
 * at each. Five principals x, y, z, v, w. Requests, all 60 minutes:
 *   r1 x–y at a, priority 3;  r2 x–z at b, priority 3;  r3 y–z anywhere, priority 1;
 *   r5 v–w at a, priority 1.
 * Every two of r1, r2, r3 share a person, so at most two of them happen (one per hour).
 * Without travel: r1 and r2 (x goes from a to b at 10:00) plus r5 in room a the other hour: 7.
 * With 30 minutes of travel x cannot do r1 and r2. With r1: r3 must follow at a too (y cannot
 * travel), so r1 and r3 fill room a and r5 finds no room: 4; or r1 and r5: 4. Without r1:
 * r2 and r3 both at b (z stays put) and r5 at a: 3 + 1 + 1 = 5. The optimum is 5.
 */
function tinySummit(travel: number): SummitData {
  const people = ['x', 'y', 'z', 'v', 'w'];
  const request = (id: string, from: string, to: string, priority: number, venue?: string) => ({
    id,
    from,
    to: [to],
    format: 'bilateral' as const,
    level: 'leaders' as const,
    minutes: 60,
    priority,
    topics: [],
    attendees: [`${from}-p`, `${to}-p`],
    ...(venue ? { venue } : {}),
    status: 'agreed',
  });
  const file: SummitFile = {
    summit: {
      id: 'tiny',
      name: 'Tiny summit',
      timezone: 'UTC',
      days: { from: '2025-01-06', to: '2025-01-06' },
      dayWindow: { from: '09:00', to: '11:00' },
      grainMinutes: 60,
      bufferMinutes: 0,
    },
    venues: [
      { id: 'a', name: 'Venue A' },
      { id: 'b', name: 'Venue B' },
    ],
    travelMinutes: [['a', 'b', travel]],
    rooms: [
      { id: 'room-a', venue: 'a', name: 'Room A', capacity: 4 },
      { id: 'room-b', venue: 'b', name: 'Room B', capacity: 4 },
    ],
    delegations: people.map((p) => ({
      id: p,
      name: `Delegation ${p}`,
      principal: { id: `${p}-p`, name: `Principal ${p}` },
      members: [],
    })),
    requests: [
      request('r1', 'x', 'y', 3, 'a'),
      request('r2', 'x', 'z', 3, 'b'),
      request('r3', 'y', 'z', 1),
      request('r5', 'v', 'w', 1, 'a'),
    ],
  };
  const read = readSummitFile(JSON.stringify(file), 'json');
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.data;
}

describe.each(['exact', 'rooms-aggregated'] as const)('the MILP (%s form)', (mode) => {
  it('finds the hand-computed optimum 5 when travel keeps x from doing r1 and r2, and proves it', async () => {
    const data = tinySummit(30);
    const out = await solveMilp(data, { timeLimitSeconds: 10, mode });
    expect(out.status).toBe('optimal');
    expect(out.incumbent).toBe(5);
    expect(out.bound).toBe(5);
    expect(out.placements.map((p) => p.request).sort()).toEqual(['r2', 'r3', 'r5']);
    expect(checkPlan(data, out.placements).violations).toEqual([]);
  });

  it('finds the hand-computed optimum 7 without travel', async () => {
    const data = tinySummit(0);
    const out = await solveMilp(data, { timeLimitSeconds: 10, mode });
    expect(out.incumbent).toBe(7);
    expect(out.bound).toBe(7);
    expect(out.placements.map((p) => p.request).sort()).toEqual(['r1', 'r2', 'r5']);
    expect(checkPlan(data, out.placements).violations).toEqual([]);
  });
});

describe('the MILP model', () => {
  it('has a column for every placement of a valid plan, in both forms', () => {
    const read = readSummitFile(JSON.stringify(generate('apec', 2, 0.5)), 'json');
    if (!read.ok) throw new Error('generated file rejected');
    const plan = greedyPlan(read.data).meetings;
    expect(checkPlan(read.data, plan).violations).toEqual([]);
    const inst = buildInstance(read.data);
    const sizes = measureModel(inst);
    for (const mode of ['exact', 'rooms-aggregated'] as const) {
      const n = mode === 'exact' ? sizes.exact.variables : sizes.aggregated.variables;
      const columns = collectColumns(inst, mode, n);
      expect(columns.count).toBe(n);
      const start = startVector(inst, columns, plan);
      expect(start.missing).toBe(0);
      expect(start.weight).toBeGreaterThan(0);
    }
  });

  it('refuses to build a model over its size limits and says how large it is', async () => {
    const data = tinySummit(30);
    const out = await solveMilp(data, { timeLimitSeconds: 1, maxExactVariables: 1, maxVariables: 1 });
    expect(out.status).toBe('too large');
    expect(out.note).toMatch(/^model too large \(\d+ variables; \d+ with rooms aggregated\)$/);
    expect(out.placements).toEqual([]);
  });
});
