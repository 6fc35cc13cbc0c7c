// `sideline requests` and `sideline show REQUEST`: the requests, as the operator or a delegation sees them.
import type { Command } from 'commander';
import { getRequest, listRequests } from '../../app/requests/read.js';
import { readThread } from '../../app/requests/thread.js';
import { resolveSummit } from '../../app/summit/resolve.js';
import { RequestStatus } from '../../domain/request/schema.js';
import { UserError } from '../errors.js';
import { localSpan, localTime } from '../format.js';
import type { MeetingNotices } from '../../app/meetings/notice-view.js';
import type { NoticeSlot } from '../../domain/meeting/notice.js';
import type { Summit } from '../../domain/summit/schema.js';
import { table } from '../output.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, viewerOf, withApp } from '../session.js';

/** Registers `requests` and `show`. */
export function registerRequests(program: Command, ctx: CliContext): void {
  withGlobals(program.command('requests'))
    .description('list meeting requests')
    .option('--status <status>', `only this state (${RequestStatus.options.join(', ')})`)
    .option('--as <delegation>', "show only what this delegation's members may see")
    .addHelpText(
      'after',
      '\nExamples:\n  $ sideline requests\n  $ sideline requests --status agreed --as usa --json\n',
    )
    .action(async (opts: { status?: string; as?: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      const status = opts.status === undefined ? undefined : RequestStatus.safeParse(opts.status);
      if (status && !status.success) {
        throw new UserError(
          `--status: expected one of ${RequestStatus.options.join(', ')}, got "${opts.status}"`,
        );
      }
      const { summit, requests } = await withApp(g, async (app) => {
        const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
        const actor = opts.as ? viewerOf(summit.id, opts.as) : OPERATOR;
        if (opts.as && !(await app.store.read((tx) => tx.delegations.get(summit.id, opts.as!)))) {
          throw new UserError(`--as: unknown delegation "${opts.as}"`);
        }
        return {
          summit,
          requests: await listRequests(app, actor, summit.id, status ? { status: status.data } : {}),
        };
      });
      if (g.json) return ctx.output.out(JSON.stringify({ summit: summit.id, requests }, null, 2));
      if (requests.length === 0) return ctx.output.out('no requests');
      ctx.output.out(
        table(
          ['request', 'from', 'to', 'format', 'level', 'min', 'prio', 'status'],
          requests.map((r) => [
            r.id,
            r.from,
            r.to.join(','),
            r.format,
            r.level,
            r.minutes,
            r.priority,
            r.status,
          ]),
        ),
      );
      ctx.output.out(
        `\n${requests.length} request${requests.length === 1 ? '' : 's'} in ${summit.id} (times in ${summit.timezone})`,
      );
    });

  withGlobals(program.command('show <request>'))
    .description('show one request: parties, attendees, windows, conditions, meeting and thread')
    .option('--as <delegation>', "show only what this delegation's members may see")
    .addHelpText('after', '\nExample:\n  $ sideline show usa-rus\n')
    .action(async (id: string, opts: { as?: string }, cmd: Command) => {
      const g = ctx.globals(cmd);
      const { summit, view, thread } = await withApp(g, async (app) => {
        const summit = await app.store.read((tx) => resolveSummit(tx, g.summit));
        const actor = opts.as ? viewerOf(summit.id, opts.as) : OPERATOR;
        const view = await getRequest(app, actor, summit.id, id);
        return { summit, view, thread: await readThread(app, actor, summit.id, id) };
      });
      if (g.json) return ctx.output.out(JSON.stringify({ ...view, thread }, null, 2));
      const r = view.request;
      const windows = (ws: { from: string; to: string }[] | null) =>
        ws === null || ws.length === 0 ? 'any' : ws.map((w) => localSpan(summit, w.from, w.to)).join('; ');
      const lines = [
        `${r.id}: ${r.from} → ${r.to.join(', ')}  [${r.status}]${r.confidential ? '  (confidential)' : ''}`,
        `  ${r.format}, ${r.level}, ${r.minutes} min, priority ${r.priority}; topics: ${r.topics.join(', ') || '—'}`,
        `  attendees: ${r.attendees.join(', ')}`,
        ...(r.needs.length > 0 || r.press !== 'closed'
          ? [`  needs: ${r.needs.join(', ') || 'no room features'}; press: ${r.press}`]
          : []),
        ...view.warnings.map((w) => `  warning: ${w.message}`),
        `  allowed: ${windows(r.allowed)}; preferred: ${windows(r.preferred)}  (${summit.timezone})`,
        `  accepted by: ${r.acceptedBy.join(', ') || 'nobody yet'}`,
        '  conditions:',
        ...(view.conditions.length === 0
          ? ['    none']
          : view.conditions.map((c) => `    ${c.id} [${c.status}] by ${c.by} (${c.kind}): ${c.text}`)),
        `  meeting: ${
          view.meeting
            ? `${localSpan(summit, view.meeting.start, view.meeting.end)} in ${view.meeting.room ?? '(no room: pull-aside)'}` +
              `${view.meeting.pinned ? ', pinned' : ''}${view.meeting.announced ? ', announced' : ''}`
            : 'not placed'
        }`,
        ...noticeLines(summit, view.notices),
        '  thread:',
        ...(thread.length === 0 ? ['    no messages'] : thread.map((m) => `    ${m.delegation}: ${m.text}`)),
      ];
      ctx.output.out(lines.join('\n'));
    });
}

/** What a request's parties are told of its meeting (bumped, broken, confirmation overdue), in summit time. */
function noticeLines(summit: Summit, notices: MeetingNotices): string[] {
  const { bumped, broken, overdue } = notices;
  const slot = (s: NoticeSlot) => `${localSpan(summit, s.start, s.end)} in ${s.room ?? '(no room)'}`;
  return [
    ...(bumped
      ? [
          `  bumped: ${bumped.reason} It was at ${slot(bumped.previous)}.`,
          `    alternative: ${bumped.alternative ? `${slot(bumped.alternative)} (its parties may take it)` : 'none free'}`,
        ]
      : []),
    ...(broken ? [`  broken: ${broken.problems.map((p) => p.message).join('; ')} (${broken.cause})`] : []),
    ...(overdue
      ? [
          `  confirmation overdue: ${overdue.missing.join(', ')} had not confirmed by ${localTime(summit, overdue.deadline)}` +
            (overdue.released ? '; its slot was released' : ''),
        ]
      : []),
  ];
}
