import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseStrictJson } from '../../../src/io/summit-file/json-text.js';

function failure(text: string): { message: string; offset: number } {
  try {
    parseStrictJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { message: e.message, offset: e.offset };
    throw e;
  }
  throw new Error('expected a syntax error');
}

describe('strict JSON', () => {
  it('reads any JSON text as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseStrictJson(text)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('refuses what JSON.parse refuses', () => {
    for (const text of [
      '{',
      '[1,]',
      '{"a":1,}',
      "{'a':1}",
      '01',
      '1.',
      '"\\x"',
      'tru',
      '"a\nb"',
      '{} {}',
      'NaN',
    ]) {
      expect(() => JSON.parse(text)).toThrow();
      expect(() => parseStrictJson(text)).toThrow(JsonSyntaxError);
    }
  });

  it('refuses duplicate keys, which JSON.parse would let overwrite each other', () => {
    expect(failure('{"a": 1, "a": 2}')).toEqual({ message: 'duplicate key "a"', offset: 9 });
  });

  it('keeps a "__proto__" key as an ordinary key', () => {
    const value = parseStrictJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('points at the offending character, past a byte-order mark', () => {
    expect(failure('[1, 2 3]')).toEqual({ message: 'unexpected "3", expected "," or "]"', offset: 6 });
    expect(failure('\uFEFF[1, 2 3]').offset).toBe(7);
    expect(failure('"abc')).toEqual({ message: 'a string is not closed', offset: 0 });
  });

  it('refuses nesting deeper than a thousand levels instead of overflowing the stack', () => {
    expect(failure('['.repeat(5000)).message).toBe('nesting deeper than 1000 levels');
  });
});
