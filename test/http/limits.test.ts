// The import size limit's setting: MiB from SIDELINE_IMPORT_LIMIT, refused by name when not a size.
import { describe, expect, it } from 'vitest';
import { importLimitMiB } from '../../src/http/limits.js';

describe('importLimitMiB', () => {
  it('is 20 MiB unless set, and the set number of MiB otherwise', () => {
    expect(importLimitMiB(undefined)).toBe(20);
    expect(importLimitMiB(' ')).toBe(20);
    expect(importLimitMiB('64')).toBe(64);
    expect(importLimitMiB('1024')).toBe(1024);
  });

  it('refuses what is not a whole number of MiB from 1 to 1024, naming the variable', () => {
    for (const bad of ['0', '1025', '2.5', 'lots', '-3', '20MB']) {
      expect(() => importLimitMiB(bad)).toThrow(
        /SIDELINE_IMPORT_LIMIT "[^"]*": give the import size limit in MiB, 1 to 1024/u,
      );
    }
  });
});
