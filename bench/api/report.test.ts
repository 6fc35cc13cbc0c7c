// The API section of the results file: written between its own markers, every other section untouched.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { medianCeiling, verdicts, writeSection, type Measured } from './report.js';

const run = (name: string, rps: number, p99: number, errors = 0, non2xx = 0): Measured => ({
  name,
  rps,
  p50: 1,
  p99,
  errors,
  non2xx,
  statuses: {},
  requests: rps * 10,
});

describe('the API results section', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-results-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is appended to a file with other sections, then replaced in place', async () => {
    const path = join(dir, 'RESULTS.md');
    await writeFile(path, '# Results\n\n## Engine\n\nengine numbers\n');
    writeSection(path, '## API\n\nfirst');
    await writeFile(path, `${await readFile(path, 'utf8')}\n## Web\n\nweb numbers\n`);
    writeSection(path, '## API\n\nsecond');
    const text = await readFile(path, 'utf8');
    expect(text).toContain('## Engine\n\nengine numbers');
    expect(text).toContain('## Web\n\nweb numbers');
    expect(text).toContain('## API\n\nsecond');
    expect(text).not.toContain('first');
    expect(text.indexOf('## API')).toBeLessThan(text.indexOf('## Web'));
  });

  it('creates the file when there is none', async () => {
    const path = join(dir, 'RESULTS.md');
    writeSection(path, '## API\n\nonly');
    expect(await readFile(path, 'utf8')).toBe('<!-- api:start -->\n## API\n\nonly\n<!-- api:end -->\n');
  });

  it('judges the SQLite targets: 30 % of the ceiling, p99 50 ms reading, 100 ms writing, no error', () => {
    const ceiling = run('ceiling', 1000, 5);
    const met = verdicts(ceiling, run('read', 300, 50), run('write', 100, 100));
    expect(met.map((v) => v.met)).toEqual([true, true, true, true]);
    const missed = verdicts(ceiling, run('read', 299, 51), run('write', 100, 101, 0, 1));
    expect(missed.map((v) => v.met)).toEqual([false, false, false, false]);
  });

  it('compares a mix with the ceiling run just before it, and reports the median ceiling', () => {
    const overall = medianCeiling([run('c', 900, 5), run('c', 1200, 5), run('c', 1000, 5)]);
    expect(overall.rps).toBe(1000);
    expect(overall.name).toContain('median of 3, 900–1200 req/s');
    // 300 req/s is 30 % of its neighbour (1000) though only 25 % of a faster run elsewhere
    const read = { ...run('read', 300, 10), ceilingRps: 1000 };
    expect(verdicts(run('c', 1200, 5), read, run('write', 100, 10))[0]).toMatchObject({
      actual: '30.0 %',
      met: true,
    });
    expect(() => medianCeiling([])).toThrow('no ceiling run');
  });
});
