// `sideline notify`: run the notification dispatcher, send a test email, see the outbox.
import type { Command } from 'commander';
import { Dispatcher } from '../../app/notify/dispatcher.js';
import { composeEmail } from '../../app/notify/email.js';
import { UserError } from '../errors.js';
import { deliveryFromEnv } from '../notify-config.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { withApp } from '../session.js';

/** Reads a whole number option, naming it when it is not one. */
function whole(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/u.test(text.trim()) || n < min || n > max)
    throw new UserError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}

const ENV_HELP =
  '\nEnvironment: SMTP_URL (smtp://user:pass@host:587; without it email is off), SMTP_FROM,\n' +
  'SIDELINE_PUBLIC_URL (links in emails), DATABASE_URL or SIDELINE_DB.\n';

/** Registers `notify` and its subcommands. */
export function registerNotify(program: Command, ctx: CliContext): void {
  const notify = program.command('notify').description('notifications: dispatcher, test email, outbox');

  withGlobals(notify.command('dispatch'))
    .description('send the outbox (email, webhooks) until stopped; any number may run on one PostgreSQL')
    .option('--once', 'send what is due now, then exit')
    .option('--lease <seconds>', 'how long a claim holds before another dispatcher may retry it', '120')
    .option('--poll <ms>', 'how often to look for due deliveries without a change to wake it', '5000')
    .option('--max-attempts <n>', 'attempts before a delivery is dead-lettered', '8')
    .addHelpText('after', `${ENV_HELP}Example:\n  $ SMTP_URL=smtp://mail:25 sideline notify dispatch\n`)
    .action(
      async (opts: { once?: boolean; lease: string; poll: string; maxAttempts: string }, cmd: Command) => {
        const leaseMs = whole('--lease', opts.lease, 1, 86_400) * 1000;
        const pollMs = whole('--poll', opts.poll, 10, 3_600_000);
        const maxAttempts = whole('--max-attempts', opts.maxAttempts, 1, 100);
        const delivery = deliveryFromEnv(ctx.env);
        ctx.output.err(`sideline notify: ${delivery.emailLine}`);
        await withApp(ctx.globals(cmd), async (app) => {
          const log = (m: string) => ctx.output.err(`sideline notify: ${m}`);
          const dispatcher = new Dispatcher(app, delivery.channels, {
            ...delivery.options,
            leaseMs,
            pollMs,
            maxAttempts,
            log,
          });
          try {
            if (opts.once) {
              ctx.output.out(`sent or retried ${await dispatcher.drain()} deliveries`);
              return;
            }
            await dispatcher.start();
            log(`${dispatcher.worker} dispatching on ${app.store.dialect}`);
            await new Promise<void>((resolve) => {
              const stop = () => {
                process.off('SIGINT', stop);
                process.off('SIGTERM', stop);
                resolve();
              };
              process.once('SIGINT', stop);
              process.once('SIGTERM', stop);
            });
            log('stopping; a delivery being sent finishes or goes back to the outbox');
            await dispatcher.close();
          } finally {
            delivery.channels.email?.close();
          }
        });
      },
    );

  notify
    .command('test')
    .description('send a test email through SMTP_URL, to check the mail set-up')
    .requiredOption('--email <address>', 'where to send it')
    .addHelpText(
      'after',
      `${ENV_HELP}Example:\n  $ SMTP_URL=smtp://mail:25 sideline notify test --email me@example.org\n`,
    )
    .action(async (opts: { email: string }) => {
      const address = opts.email.trim();
      if (!/^[^\s@]+@[^\s@]+$/u.test(address))
        throw new UserError(`--email "${opts.email}" is not an email address`);
      const delivery = deliveryFromEnv(ctx.env);
      const email = delivery.channels.email;
      if (!email) throw new UserError('email is off: set SMTP_URL (smtp://user:pass@host:port) first');
      try {
        const message = composeEmail(
          [
            {
              to: address,
              name: address,
              summit: 'Sideline',
              kind: 'requests',
              title: 'Test email from Sideline',
              body: 'If you read this, Sideline can send you notifications by email.',
              link: '/',
              at: new Date().toISOString(),
              digest: null,
            },
          ],
          delivery.options.baseUrl ?? 'http://localhost:8080',
          `<test-${Date.now()}@sideline.invalid>`,
        );
        await email.send(message);
      } catch (e) {
        throw new UserError(`the test email to ${address} failed: ${(e as Error).message}`);
      } finally {
        email.close();
      }
      ctx.output.out(`sent a test email to ${address}`);
    });

  withGlobals(notify.command('outbox'))
    .description('count the outbox by status and show the latest dead-lettered deliveries with their errors')
    .action(async (_opts: unknown, cmd: Command) => {
      await withApp(ctx.globals(cmd), async (app) => {
        const [pending, dead] = await app.store.read(async (tx) => [
          await tx.deliveries.listByStatus('pending', 10_000),
          await tx.deliveries.listByStatus('dead', 10_000),
        ]);
        ctx.output.out(`pending ${pending.length}, dead ${dead.length}`);
        for (const d of dead.slice(-20))
          ctx.output.out(
            `dead ${d.channel} ${d.user ?? d.webhook} after ${d.attempts} attempts: ${d.lastError}`,
          );
      });
    });
}
