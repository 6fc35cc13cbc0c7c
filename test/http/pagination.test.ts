import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, MAX_PAGE, PageQuery, paginate } from '../../src/http/pagination.js';

const items = Array.from({ length: 450 }, (_, i) => ({ id: `r${String(i).padStart(3, '0')}` }));
const key = (r: { id: string }) => [r.id];

describe('pagination', () => {
  it('walks a list page by page with next cursors, each item once, in key order', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = paginate(items, PageQuery.parse({ limit: '200', cursor }), key);
      expect(page.items.length).toBeLessThanOrEqual(MAX_PAGE);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.next ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(items.map((r) => r.id));
  });

  it('defaults to 50, refuses more than the hard maximum, and never returns more even if asked', () => {
    expect(PageQuery.parse({}).limit).toBe(50);
    expect(PageQuery.safeParse({ limit: '201' }).success).toBe(false);
    expect(PageQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(paginate(items, { limit: 10_000 }, key).items).toHaveLength(MAX_PAGE);
  });

  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor(encodeCursor([-5, 'abc']))).toEqual([-5, 'abc']);
    expect(() => decodeCursor('not-a-cursor')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(/cursor/);
  });
});
