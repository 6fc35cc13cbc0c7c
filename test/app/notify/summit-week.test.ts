// The summit week's events through the outbox: an edit, a meeting's changed length, what happened at
// a meeting and a lead's override are told to those they concern, in words, and nothing private
// (an outcome's note, an override's reason) leaves the record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { persons } from '../../../src/app/logistics/specs.js';
import { recordMeetingOutcome } from '../../../src/app/meetings/outcome.js';
import { answerRequestCondition } from '../../../src/app/requests/conditions.js';
import { editRequestTerms } from '../../../src/app/requests/edit.js';
import { transitionRequest } from '../../../src/app/requests/transition.js';
import { BACKENDS, delegate } from '../../support/app.js';
import { buildNotifyWorld, noticesOf, placeSomewhere, S, type NotifyWorld, type PersonName } from './kit.js';

describe.each(BACKENDS)('summit-week notices on %s', (backend) => {
  let w: NotifyWorld;
  beforeEach(async () => {
    w = await buildNotifyWorld(backend);
  });
  afterEach(() => w.t.dispose());

  /** The titles of the notices of `type` a person holds, oldest first. */
  const titles = async (who: PersonName, type: string) =>
    (await noticesOf(w, who))
      .filter((n) => n.type === type)
      .map((n) => n.title)
      .reverse();

  it("tells Russia and the US lead that the US changed a request's length and asks consent again; the host hears nothing", async () => {
    await editRequestTerms(w.ctx, w.actors.usPo, S, 'usa-rus-fm', { minutes: 45 });
    for (const who of ['ruPo', 'usLead'] as const) {
      const [n, ...rest] = (await noticesOf(w, who)).filter((x) => x.type === 'request.edited');
      expect(rest, who).toEqual([]);
      expect(n, who).toMatchObject({ kind: 'requests', title: "United States changed the request's length" });
      expect(n!.body).toContain('Length: 30 → 45 minutes.');
      expect(n!.body).toContain('goes back to the other parties for consent');
    }
    // the amend step is the edit's, not told twice; the actor, a viewer, others and the host hear nothing
    expect((await noticesOf(w, 'ruPo')).map((n) => n.type)).toEqual(['request.edited']);
    for (const who of ['usPo', 'usViewer', 'cnLead', 'hostStaff', 'hostAdmin'] as const)
      expect(await noticesOf(w, who), who).toEqual([]);
  });

  it("tells both sides and the host that an edit changed a meeting's length, and the parties when consent restores it", async () => {
    await placeSomewhere(w, w.actors.hostAdmin, 'usa-rus-fm', ['ariyana-b3', 'ariyana-b4']);
    const edited = await editRequestTerms(w.ctx, w.actors.usPo, S, 'usa-rus-fm', { minutes: 45 });
    expect(edited.meeting, 'the longer meeting still fits where it was').not.toBeNull();
    for (const who of ['ruPo', 'usLead', 'hostStaff'] as const) {
      const [title] = await titles(who, 'meeting.changed');
      expect(title, who).toMatch(
        /^United States changed the meeting's length: it now ends (Fri 10|Sat 11) Nov /,
      );
    }
    await transitionRequest(w.ctx, w.actors.ruPo, S, 'usa-rus-fm', { name: 'accept' });
    for (const who of ['usPo', 'usLead'] as const) {
      expect(await titles(who, 'request.restore'), who).toEqual([
        'Every party agreed again: the meeting kept meanwhile stands',
      ]);
    }
    expect(await titles('hostStaff', 'request.restore')).toEqual([]);
    expect(await titles('cnLead', 'meeting.changed')).toEqual([]);
  });

  it('tells the parties and the host what happened at a meeting, once, without its note', async () => {
    w.ctx.advance(31 * 60); // 10 November 07:00 UTC: usa-vnm began at 06:45
    await recordMeetingOutcome(w.ctx, w.actors.usPo, S, 'usa-vnm', {
      kind: 'held-late',
      lateMinutes: 10,
      by: ['vnm'],
      note: 'The President was held up by the motorcade',
    });
    for (const who of ['usLead', 'hostStaff'] as const) {
      const notices = await noticesOf(w, who);
      expect(
        notices.map((n) => [n.type, n.title]),
        who,
      ).toEqual([
        [
          'meeting.outcome-recorded',
          'United States recorded the meeting as held, 10 minutes late (Viet Nam late)',
        ],
      ]);
      expect(JSON.stringify(notices)).not.toContain('motorcade');
    }
    w.ctx.advance(5);
    await recordMeetingOutcome(w.ctx, w.actors.hostAdmin, S, 'usa-vnm', { kind: 'held' });
    expect(await titles('usLead', 'meeting.outcome-recorded')).toEqual([
      'United States recorded the meeting as held, 10 minutes late (Viet Nam late)',
      "The host corrected the meeting's record: held (was held, 10 minutes late (Viet Nam late))",
    ]);
    for (const who of ['ruPo', 'cnLead'] as const) expect(await noticesOf(w, who), who).toEqual([]);
    const emails = await w.t.store.read((tx) => tx.deliveries.listByStatus('pending', 100));
    expect(JSON.stringify(emails.map((d) => d.payload))).not.toContain('motorcade');
  });

  it('tells the US delegation, and no one else, that its lead overrode its decision; the reason stays in the deliberation', async () => {
    const reason = 'Moscow conceded the Syria language in the corridor';
    await answerRequestCondition(w.ctx, w.actors.usLead, S, 'usa-rus', 'c3', 'accept', {
      override: { reason },
    });
    for (const who of ['usPo', 'usAdviser'] as const) {
      expect(await titles(who, 'decision.overridden'), who).toEqual([
        "Your delegation's lead overrode its decision (defer) to accept a condition",
      ]);
    }
    // Russia hears of the accepted condition, not of the US deliberation; the host of neither
    expect((await noticesOf(w, 'ruPo')).map((n) => n.type)).toEqual(['condition.accepted']);
    for (const who of ['usLead', 'usViewer', 'cnLead', 'hostAdmin', 'hostStaff'] as const)
      expect(await titles(who, 'decision.overridden'), who).toEqual([]);
    const emails = await w.t.store.read((tx) => tx.deliveries.listByStatus('pending', 100));
    const notices = await Promise.all(
      (['usPo', 'usAdviser', 'ruPo'] as const).map((who) => noticesOf(w, who)),
    );
    const all = { emails, notices };
    expect(JSON.stringify(all)).not.toContain('corridor');
  });

  it("gives a bump's reason, in the words its readers may see, with the meeting taken off", async () => {
    const nzlPo = delegate(S, 'nzl', 'protocol-officer');
    const { version, ...record } = await persons.get(w.ctx, nzlPo, S, 'nzl-pm');
    const presence = [{ from: '2017-11-08T00:00:00.000Z', to: '2017-11-11T05:00:00.000Z' }];
    await persons.change(w.ctx, nzlPo, S, 'nzl-pm', { ...record, presence }, version);
    const [removed] = (await noticesOf(w, 'cnLead')).filter((n) => n.type === 'meeting.removed');
    expect(removed?.body).toMatch(/Reason: A change of presence took it off the calendar: .*nzl-pm/);
  });
});
