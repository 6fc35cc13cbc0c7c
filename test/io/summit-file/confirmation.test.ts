// The summit file's `summit.confirmation` (version 2): when each day's meetings must be confirmed.
import { describe, expect, it } from 'vitest';
import { formatFileError } from '../../../src/io/errors.js';
import { readSummitFile } from '../../../src/io/summit-file/read.js';
import { writeSummitFile } from '../../../src/io/summit-file/write.js';

const file = (confirmation: string) => `
summit:
  id: s
  name: S
  timezone: Asia/Ho_Chi_Minh
  days: {from: 2017-11-08, to: 2017-11-11}
  dayWindow: {from: "07:00", to: "23:00"}
  grainMinutes: 15
${confirmation}`;

describe('summit file, confirmation deadline', () => {
  it('reads it with its defaults and writes it back; a file without it sets none', () => {
    const read = readSummitFile(file('  confirmation: {at: "18:00"}\n'), 'yaml');
    if (!read.ok) throw new Error(read.errors.map(formatFileError).join('\n'));
    expect(read.data.summit.confirmation).toEqual({ at: '18:00', daysBefore: 1, lapse: 'keep' });
    const again = readSummitFile(writeSummitFile(read.data, 'yaml'), 'yaml');
    expect(again.ok && again.data.summit.confirmation).toEqual(read.data.summit.confirmation);
    const none = readSummitFile(file(''), 'yaml');
    expect(none.ok && none.data.summit.confirmation).toBeNull();
    expect(none.ok && writeSummitFile(none.data, 'yaml')).not.toContain('confirmation');
  });

  it('names the path of every wrong value', () => {
    const read = readSummitFile(
      file('  confirmation: {at: "6pm", daysBefore: 30, lapse: drop, by: x}\n'),
      'yaml',
    );
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors.map(formatFileError);
    for (const path of ['at', 'daysBefore', 'lapse', 'by']) {
      expect(
        errors.some((e) => e.startsWith(`summit.confirmation.${path}: `)),
        path,
      ).toBe(true);
    }
  });
});
