import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Meeting } from '../../../src/domain/meeting/schema.js';
import { Condition, Request } from '../../../src/domain/request/schema.js';
import type { SummitData } from '../../../src/domain/summit/data.js';
import {
  Busy,
  Delegation,
  Person,
  ProgrammeEvent,
  Room,
  Summit,
  Travel,
  Venue,
} from '../../../src/domain/summit/schema.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { summitDataArbitrary } from './summit-data.arbitrary.js';
import { NO_PLANNING_LIMITS } from '../../../src/domain/summit/practice.js';
import { parse as parseYaml } from 'yaml';
import { writeSummitFile } from '../../../src/io/summit-file/write.js';

/** SummitData as the domain defines it, to check that generated and read data are valid records. */
const SummitDataSchema = z.strictObject({
  summit: Summit,
  venues: z.array(Venue),
  travel: z.array(Travel),
  rooms: z.array(Room),
  delegations: z.array(Delegation),
  persons: z.array(Person),
  programme: z.array(ProgrammeEvent),
  busy: z.array(Busy),
  requests: z.array(Request),
  conditions: z.array(Condition),
  meetings: z.array(Meeting),
});

function readOk(text: string, format: 'yaml' | 'json'): SummitData {
  const result = readSummitFile(text, format);
  if (!result.ok)
    throw new Error(`read failed:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return result.data;
}

describe('summit file round trip', () => {
  it('generates valid domain data', () => {
    fc.assert(
      fc.property(summitDataArbitrary(), (data) => {
        expect(SummitDataSchema.safeParse(data).error).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  for (const format of ['yaml', 'json'] as const) {
    it(`writes and reads back equal data (${format})`, () => {
      fc.assert(
        fc.property(summitDataArbitrary(), (data) => {
          const back = readOk(writeSummitFile(data, format), format);
          expect(back).toEqual(data);
          expect(SummitDataSchema.safeParse(back).error).toBeUndefined();
        }),
        { numRuns: 100 },
      );
    });
  }

  it('keeps an old file old: data without version 2 values writes no version 2 key and reads back equal', () => {
    const V2 = ['roomTurnoverMinutes', 'rankParity', 'planning', 'quotas', 'features', 'languages'];
    const V2_MORE = ['interpreters', 'rank', 'needs', 'press'];
    const keysOf = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.flatMap(keysOf)
        : typeof value === 'object' && value !== null
          ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
          : [];
    const old = (data: SummitData): SummitData => ({
      ...data,
      summit: {
        ...data.summit,
        roomTurnoverMinutes: 0,
        rankParity: 'warn',
        planning: NO_PLANNING_LIMITS,
        quotas: [],
      },
      rooms: data.rooms.map((r) => ({ ...r, features: [] })),
      delegations: data.delegations.map((d) => ({ ...d, languages: null, interpreters: null })),
      persons: data.persons.map((p) => ({ ...p, languages: null, rank: null })),
      requests: data.requests.map((r) => ({ ...r, needs: [], press: 'closed' as const })),
    });
    fc.assert(
      fc.property(summitDataArbitrary().map(old), (data) => {
        const text = writeSummitFile(data, 'yaml');
        expect(keysOf(parseYaml(text)).filter((k) => [...V2, ...V2_MORE].includes(k))).toEqual([]);
        expect(readOk(text, 'yaml')).toEqual(data);
      }),
      { numRuns: 50 },
    );
  });

  it('reads YAML and JSON of the same summit to the same data', () => {
    fc.assert(
      fc.property(summitDataArbitrary(), (data) => {
        expect(readOk(writeSummitFile(data, 'yaml'), 'yaml')).toEqual(
          readOk(writeSummitFile(data, 'json'), 'json'),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('is a fixpoint from a hand-written file: read → write → read gives the same data and text', () => {
    const text = readFileSync(new URL('./fixtures/danang.yaml', import.meta.url), 'utf8');
    const first = readOk(text, 'yaml');
    const written = writeSummitFile(first, 'yaml');
    const second = readOk(written, 'yaml');
    expect(second).toEqual(first);
    expect(writeSummitFile(second, 'yaml')).toBe(written);
    expect(readOk(writeSummitFile(first, 'json'), 'json')).toEqual(first);
  });
});
