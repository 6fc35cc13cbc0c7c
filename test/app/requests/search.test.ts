// Request filters and request history on the APEC demo, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  delegate,
  host,
  openTestStore,
  SYSTEM,
  testContext,
  type TestStore,
} from '../../support/app.js';
import { NotFoundError } from '../../../src/store/store.js';
import { DEMO_SUMMIT as S, loadDemo } from '../../../src/app/demo/apec-2017.js';
import { ValidationError } from '../../../src/app/errors.js';
import { requestHistory } from '../../../src/app/requests/history.js';
import { searchRequests } from '../../../src/app/requests/search.js';

describe.each(BACKENDS)('request search and history on %s', (backend) => {
  let t: TestStore;
  let ctx: ReturnType<typeof testContext>;
  beforeAll(async () => {
    t = await openTestStore(backend);
    ctx = testContext(t.store);
    await loadDemo(ctx, SYSTEM);
  });
  afterAll(() => t.dispose());

  const usa = delegate(S, 'usa', 'viewer');
  const rus = delegate(S, 'rus', 'protocol-officer');
  const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

  it('narrows by topic, format, level, priority and counterpart together', async () => {
    expect(ids(await searchRequests(ctx, usa, S, { topic: 'syria' }))).toEqual([
      'usa-rus',
      'usa-rus-fm',
      'usa-rus-officials',
    ]);
    expect(ids(await searchRequests(ctx, usa, S, { topic: 'syria', level: 'ministers' }))).toEqual([
      'usa-rus-fm',
    ]);
    expect(ids(await searchRequests(ctx, usa, S, { format: 'pull-aside' }))).toEqual(['mex-usa', 'usa-phl']);
    expect(ids(await searchRequests(ctx, usa, S, { counterpart: 'rus', priority: 4 }))).toEqual([
      'usa-rus',
      'usa-rus-fm',
    ]);
    // rus is the counterpart of usa-rus, never of rus-phl, which it asked for
    const asked = ids(await searchRequests(ctx, rus, S, { counterpart: 'rus' }));
    expect(asked).toContain('usa-rus');
    expect(asked).not.toContain('rus-phl');
    expect(ids(await searchRequests(ctx, rus, S, { party: 'rus', status: 'agreed' }))).toEqual([
      'rus-phl',
      'usa-rus-fm',
      'usa-rus-officials',
    ]);
  });

  it('filters only what the actor may see: the host never finds a confidential request', async () => {
    const hosted = ids(await searchRequests(ctx, host(S), S, { topic: 'syria' }));
    expect(hosted).toEqual(['usa-rus', 'usa-rus-fm']);
    const other = ids(await searchRequests(ctx, delegate(S, 'jpn', 'viewer'), S, { counterpart: 'rus' }));
    expect(other).toEqual(['jpn-rus']);
  });

  it('refuses a bad filter naming the field', async () => {
    const error = await searchRequests(ctx, usa, S, { level: 'kings', priority: 9 }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['level', 'priority']);
  });

  it("gives each party the request's history it may read, without the other's deliberation", async () => {
    const types = async (actor: typeof usa) =>
      (await requestHistory(ctx, actor, S, 'usa-rus')).map((e) => e.type);
    const us = await types(usa);
    expect(us.filter((x) => x === 'position.recorded')).toHaveLength(3);
    expect(us).toContain('decision.taken');
    expect(us).toContain('public-line.drafted');
    expect(await types(rus)).toEqual(['thread.posted', 'thread.posted', 'public-line.published']);
    const hosted = await types(host(S));
    expect(hosted.some((x) => x.startsWith('position.') || x === 'decision.taken')).toBe(false);
    expect(hosted).not.toContain('public-line.drafted');
    const seqs = (await requestHistory(ctx, usa, S, 'usa-rus')).map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('says "not found" for the history of a request the actor may not see', async () => {
    await expect(requestHistory(ctx, host(S), S, 'usa-rus-officials')).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestHistory(ctx, delegate(S, 'jpn', 'viewer'), S, 'usa-rus')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
