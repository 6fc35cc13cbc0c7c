import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkPlan } from '../../src/engine/check/check-plan.js';
import { readSummitFile } from '../../src/io/summit-file/read.js';
import { generate, type Scale } from './generate.js';

// Reduced sizes keep the test fast; the full sizes run in `npm run bench`.
const CASES: [Scale, number, number][] = [
  ['apec', 0.5, 75],
  ['g20', 0.2, 80],
  ['unga', 0.05, 150],
  ['b2b', 0.02, 400],
];

describe.each(CASES)('the %s generator', (scale, factor, requests) => {
  it('gives the same file for the same seed, and another for another seed', () => {
    const a = JSON.stringify(generate(scale, 7, factor));
    const b = JSON.stringify(generate(scale, 7, factor));
    const c = JSON.stringify(generate(scale, 8, factor));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('writes a summit file the reader accepts, in JSON and in YAML', () => {
    const file = generate(scale, 3, factor);
    expect(file.requests).toHaveLength(requests);
    const json = readSummitFile(JSON.stringify(file), 'json');
    expect(json.ok ? [] : json.errors).toEqual([]);
    const yaml = readSummitFile(stringify(file), 'yaml');
    expect(yaml.ok ? [] : yaml.errors).toEqual([]);
    if (!json.ok || !yaml.ok) return;
    expect(yaml.data.requests.length).toBe(json.data.requests.length);
    // Most requests may be placed; some are in other states of the life cycle.
    const placeable = json.data.requests.filter((r) =>
      ['agreed', 'scheduled', 'confirmed'].includes(r.status),
    );
    expect(placeable.length).toBeGreaterThan(requests * 0.75);
    expect(placeable.length).toBeLessThan(requests);
  });

  it('places its existing meetings where every hard rule holds', () => {
    const read = readSummitFile(JSON.stringify(generate(scale, 5, factor)), 'json');
    if (!read.ok) throw new Error(JSON.stringify(read.errors.slice(0, 3)));
    const existing = read.data.meetings;
    expect(existing.length).toBeGreaterThan(0);
    expect(existing.some((m) => m.pinned)).toBe(true);
    const check = checkPlan(
      read.data,
      existing.map((m) => ({ request: m.request, start: m.start, end: m.end, room: m.room })),
    );
    expect(check.violations.map((v) => v.message)).toEqual([]);
  });
});

describe('generate', () => {
  it('refuses a factor outside (0, 1] and a seed that is not an integer', () => {
    expect(() => generate('apec', 1, 0)).toThrow(/factor/);
    expect(() => generate('apec', 1.5)).toThrow(/seed/);
  });
});
