// Every export of src/app is either a use case attacked by the security suite or a named part that
// is no door to state: a new use case cannot slip in without its attacks.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOT_USE_CASES, USE_CASES } from './catalogue.js';

const APP = fileURLToPath(new URL('../../../src/app/', import.meta.url));
const OPERATIONS = ['add', 'change', 'remove', 'list', 'get'] as const;

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const isClass = (v: unknown) =>
  typeof v === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(v));
const isEntity = (v: unknown) =>
  typeof v === 'object' &&
  v !== null &&
  OPERATIONS.every((op) => typeof (v as Record<string, unknown>)[op] === 'function');

/** Every function export (an entity's five use cases one by one), as `module#name`. */
async function exportedOperations(): Promise<string[]> {
  const out: string[] = [];
  for (const path of modules(APP)) {
    const module = relative(APP, path).split('\\').join('/');
    const exports = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (isEntity(value)) out.push(...OPERATIONS.map((op) => `${module}#${name}.${op}`));
      else if (typeof value === 'function' && !isClass(value)) out.push(`${module}#${name}`);
    }
  }
  return out.sort();
}

describe('the security catalogue', () => {
  it('names every export of src/app, as a use case or as a part with its reason', async () => {
    const exported = await exportedOperations();
    const known = new Set([...Object.keys(USE_CASES), ...Object.keys(NOT_USE_CASES)]);
    expect(
      exported.filter((e) => !known.has(e)),
      'exports the catalogue does not name',
    ).toEqual([]);
  });

  it('lists each export once, and attacks every use case', () => {
    expect(Object.keys(USE_CASES).filter((k) => k in NOT_USE_CASES)).toEqual([]);
    // a use case that can only read must at least be checked for what it shows
    const unattacked = Object.entries(USE_CASES)
      .filter(([, attacks]) => !attacks.some((a) => a.expect !== 'read' || a.check))
      .map(([k]) => k);
    expect(unattacked).toEqual([]);
  });
});
