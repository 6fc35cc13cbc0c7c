import { describe, expect, it } from 'vitest';
import { solveInWorker } from '../../../src/engine/worker/run-in-worker.js';
import { SummitBuilder } from '../test-support/builder.js';
import type { Progress } from '../../../src/engine/search/search.js';

function busySummit() {
  const b = new SummitBuilder({ days: ['2030-05-06', '2030-05-07'], dayWindow: ['08:00', '18:00'] }).venue(
    'hall',
  );
  for (let k = 0; k < 3; k++) b.room(`r${k}`, { venue: 'hall', capacity: 6 });
  const dels = Array.from({ length: 12 }, (_, i) => `d${i}`);
  for (const d of dels) b.delegation(d);
  let n = 0;
  for (let i = 0; i < dels.length; i++)
    for (let j = i + 1; j < dels.length; j++)
      b.request(`q${n++}`, {
        from: dels[i]!,
        to: [dels[j]!],
        attendees: [`${dels[i]}-p`, `${dels[j]}-p`],
        minutes: 45,
        priority: 1 + ((i * 7 + j) % 5),
      });
  return b.build();
}

describe('solveInWorker', () => {
  it('solves in a worker thread and reports progress', async () => {
    const seen: Progress[] = [];
    const plan = await solveInWorker(busySummit(), {
      timeLimitMs: 600,
      progressIntervalMs: 50,
      onProgress: (p) => seen.push(p),
    });
    expect(plan.meetings.length).toBeGreaterThan(20);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]!.objective.weight).toBe(plan.objective.weight);
    // The first report comes before the bound is computed; later ones carry it.
    expect(seen[0]!.bound).toBeNull();
    expect(seen[seen.length - 1]!.bound).toBe(plan.bound);
  });

  it('stops when aborted and returns the best plan so far', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const plan = await solveInWorker(busySummit(), {
      timeLimitMs: 60_000,
      onProgress: (p) => {
        if (p.iterations > 0) controller.abort();
      },
      progressIntervalMs: 20,
      signal: controller.signal,
    });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(plan.meetings.length).toBeGreaterThan(20);
  });
});
