// The summit-file reader's worker thread answers as readSummitFile does on the calling thread, for
// a good file and for a bad one (every error with its path).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSummitFile } from '../../../../src/io/summit-file/read.js';
import { readSummitFileInWorker } from '../../../../src/io/summit-file/worker/read-in-worker.js';

const fixture = readFileSync(new URL('../fixtures/danang.yaml', import.meta.url), 'utf8');

describe('readSummitFileInWorker', { timeout: 120_000 }, () => {
  it('reads a summit file in a thread exactly as on the calling thread', async () => {
    const inThread = await readSummitFileInWorker(fixture, 'yaml');
    expect(inThread.ok).toBe(true);
    expect(inThread).toEqual(readSummitFile(fixture, 'yaml'));
  });

  it('names every error with its path, as on the calling thread', async () => {
    const bad = fixture
      .replace('minutes: 45', 'minutes: forty-five')
      .replace(/^summit:\n {2}id: /mu, 'summit:\n  id: Bad Id');
    const inThread = await readSummitFileInWorker(bad, 'yaml');
    expect(inThread.ok).toBe(false);
    expect(inThread).toEqual(readSummitFile(bad, 'yaml'));
    if (!inThread.ok)
      expect(inThread.errors.map((e) => e.path).some((p) => p.includes('minutes'))).toBe(true);
  });

  it('answers a file that is not YAML at all with a syntax error', async () => {
    const inThread = await readSummitFileInWorker('summit: [unclosed', 'yaml');
    expect(inThread).toEqual(readSummitFile('summit: [unclosed', 'yaml'));
    expect(inThread.ok).toBe(false);
  });
});
