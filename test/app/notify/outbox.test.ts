// The outbox: a change writes its notices in its own transaction, to those it concerns and may read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterRequestCondition, answerRequestCondition } from '../../../src/app/requests/conditions.js';
import { summitTime } from '../../../src/app/notify/summit-time.js';
import type { Instant } from '../../../src/domain/time.js';
import { recordRequestPosition } from '../../../src/app/deliberation/deliberation.js';
import { postToThread } from '../../../src/app/requests/thread.js';
import { writePreferences, DEFAULT_PREFERENCES } from '../../../src/app/notify/preferences.js';
import { BACKENDS } from '../../support/app.js';
import { buildNotifyWorld, noticesOf, placeSomewhere, S, type NotifyWorld } from './kit.js';

describe.each(BACKENDS)('the notification outbox on %s', (backend) => {
  let w: NotifyWorld;
  beforeEach(async () => {
    w = await buildNotifyWorld(backend);
  });
  afterEach(() => w.t.dispose());

  it('tells the US protocol officer and lead, in words, that Russia countered a US condition', async () => {
    await counterRequestCondition(w.ctx, w.actors.ruPo, S, 'usa-rus', 'c1', {
      kind: 'deliverable',
      text: 'A joint statement on Syria only',
    });
    const title =
      "Russia countered condition 'Agreed deliverable on Syria to announce (expanded de-escalation zones beyond southwest Syria)'";
    for (const who of ['usPo', 'usLead'] as const) {
      const [n, ...rest] = await noticesOf(w, who);
      expect(rest).toEqual([]);
      expect(n).toMatchObject({ kind: 'conditions', type: 'condition.countered', title, readAt: null });
      expect(n!.body).toContain("Proposed instead: 'A joint statement on Syria only'");
      expect(n!.link).toBe('/s/apec-2017/requests/usa-rus');
    }
    // the actor hears nothing of its own act; a viewer, another delegation and the host not this
    for (const who of ['ruPo', 'usViewer', 'cnLead', 'hostAdmin', 'hostStaff'] as const)
      expect(await noticesOf(w, who), who).toEqual([]);
    const emails = await w.t.store.read((tx) => tx.deliveries.listByStatus('pending', 100));
    expect(emails.map((d) => [d.channel, d.user]).sort()).toEqual([
      ['email', 'usLead'],
      ['email', 'usPo'],
    ]);
    expect(emails[0]!.payload).toMatchObject({ title, link: '/s/apec-2017/requests/usa-rus' });
  });

  it('writes nothing when the change fails: no notice without its change', async () => {
    await expect(
      answerRequestCondition(w.ctx, w.actors.ruPo, S, 'usa-rus', 'c1', 'accept', { expectedVersion: 99 }),
    ).rejects.toThrow(/version/);
    expect(await noticesOf(w, 'usPo')).toEqual([]);
    expect(await w.t.store.read((tx) => tx.deliveries.listByStatus('pending', 10))).toEqual([]);
  });

  it('tells both parties and the host of a meeting the host placed, with the time in summit time', async () => {
    const slot = await placeSomewhere(w, w.actors.hostAdmin, 'usa-rus-fm', ['ariyana-b3', 'ariyana-b4']);
    const local = summitTime(slot.start as Instant, 'Asia/Ho_Chi_Minh');
    for (const who of ['usPo', 'ruPo', 'hostStaff'] as const) {
      const [n] = await noticesOf(w, who);
      expect(n, who).toMatchObject({ kind: 'schedule', type: 'meeting.placed' });
      expect(n!.title).toBe(`The host scheduled the meeting for ${local}`);
      expect(local).toMatch(/^(Fri 10|Sat 11) Nov \d\d:\d\d \(Ho Chi Minh time\)$/);
    }
    expect(await noticesOf(w, 'cnLead')).toEqual([]);
  });

  it('keeps the thread from the host, and deliberation inside the delegation', async () => {
    await postToThread(w.ctx, w.actors.ruPo, S, 'usa-rus', { text: 'Shall we meet on Friday?' });
    expect((await noticesOf(w, 'usPo')).map((n) => n.title)).toEqual(['Russia wrote in the thread']);
    expect(await noticesOf(w, 'hostAdmin')).toEqual([]);
    await recordRequestPosition(w.ctx, w.actors.usLead, S, 'usa-rus', {
      holder: 'Secretary of State',
      stance: 'for',
      rationale: 'Worth it for the Syria deliverable',
      considerations: [],
    });
    const us = await noticesOf(w, 'usAdviser');
    expect(us.map((n) => n.type)).toEqual(['position.recorded']);
    expect(JSON.stringify(us)).not.toContain('Worth it');
    expect(await noticesOf(w, 'ruPo')).toHaveLength(0);
    expect(await noticesOf(w, 'hostAdmin')).toEqual([]);
  });

  it('follows preferences: no in-app notice, an hourly digest due at the next full hour', async () => {
    await writePreferences(w.ctx, w.actors.usPo, {
      ...DEFAULT_PREFERENCES,
      kinds: { ...DEFAULT_PREFERENCES.kinds, conditions: { inApp: false, email: 'hourly' } },
    });
    w.ctx.advance(17);
    await counterRequestCondition(w.ctx, w.actors.ruPo, S, 'usa-rus', 'c1', {
      kind: 'deliverable',
      text: 'Less',
    });
    expect(await noticesOf(w, 'usPo')).toEqual([]);
    const mine = (await w.t.store.read((tx) => tx.deliveries.listByStatus('pending', 10))).filter(
      (d) => d.user === 'usPo',
    );
    expect(mine.map((d) => [d.dueAt, d.digest])).toEqual([
      ['2017-11-09T01:00:00.000Z', 'usPo|hourly|2017-11-09T01:00:00.000Z'],
    ]);
  });
});
