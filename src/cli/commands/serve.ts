// `sideline serve`: the HTTP API (and, on a first start, the demo with its accounts).
import { Option, type Command } from 'commander';
import { appContext } from '../../app/context.js';
import { loadDemo } from '../../app/demo/apec-2017.js';
import { Dispatcher } from '../../app/notify/dispatcher.js';
import { buildServer, parseRateLimit, type RateLimits } from '../../http/server.js';
import { playSummitWeek } from '../../app/demo/summit-week.js';
import { deliveryFromEnv } from '../notify-config.js';
import type { Store } from '../../store/store.js';
import { checkDemoPassword, createDemoLogins } from '../demo-logins.js';
import { UserError } from '../errors.js';
import type { Output } from '../output.js';
import type { CliContext } from '../program.js';
import { withGlobals } from '../program.js';
import { OPERATOR, withApp } from '../session.js';

/** What `serve` runs with, after validation. */
export interface ServeConfig {
  port: number;
  host: string;
  demo: boolean;
  trustProxy: boolean;
  /** Requests per address and per user in each window, or false for none. */
  rateLimits: RateLimits | false;
}

/** Validates the raw flag and environment values; names the flag or variable that is wrong. */
export function serveConfig(
  raw: { port: string; host: string; demo: boolean; trustProxy: boolean; rateLimit?: string },
  sources: { port: string | undefined; host: string | undefined; rateLimit?: string | undefined },
): ServeConfig {
  const portName = sources.port === 'env' ? 'PORT' : '--port';
  const hostName = sources.host === 'env' ? 'HOST' : '--host';
  const rateLimitName = sources.rateLimit === 'env' ? 'SIDELINE_RATE_LIMIT' : '--rate-limit';
  let rateLimits: RateLimits | false;
  try {
    rateLimits = parseRateLimit(raw.rateLimit ?? '600/1m');
  } catch (e) {
    throw new UserError(`${rateLimitName}: ${(e as Error).message}`);
  }
  if (!/^\d{1,5}$/.test(raw.port.trim()) || Number(raw.port) > 65535) {
    throw new UserError(`${portName} "${raw.port}" is not a port number (0 to 65535; 0 picks a free one)`);
  }
  const host = raw.host.trim();
  if (host === '' || /\s/.test(host))
    throw new UserError(`${hostName} "${raw.host}" is not a host name or address`);
  return { port: Number(raw.port), host, demo: raw.demo, trustProxy: raw.trustProxy, rateLimits };
}

/**
 * The first-start hook: on an empty database (no summit, no user) loads the APEC 2017 demo and
 * creates its accounts, one per host role and one per delegation role for every delegation,
 * printing their emails and the one password once.
 */
export async function seedDemoOnFirstStart(
  store: Store,
  output: Output,
  demoPassword: string | undefined,
): Promise<boolean> {
  const empty = await store.read(
    async (tx) => (await tx.summits.list()).length === 0 && (await tx.users.list()).length === 0,
  );
  if (!empty) return false;
  await loadDemo(appContext(store), OPERATOR);
  await playSummitWeek(appContext(store), OPERATOR);
  output.out('sideline: empty database: loaded the APEC 2017 demo');
  return createDemoLogins(store, output, demoPassword);
}

/** Registers `serve`. */
export function registerServe(program: Command, ctx: CliContext): void {
  withGlobals(program.command('serve'))
    .description(
      'run the HTTP API and its docs (/api/docs); an empty database gets the demo unless --no-demo',
    )
    .addOption(new Option('--port <port>', 'TCP port').env('PORT').default('8080'))
    .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default('127.0.0.1'))
    .option('--no-demo', 'do not load the demo and its accounts into an empty database')
    .addOption(
      new Option(
        '--rate-limit <limit>',
        'requests allowed per client address and per signed-in user: N a minute, N/30s, N/1h, or off; ' +
          'shared by every server on one PostgreSQL database',
      )
        .env('SIDELINE_RATE_LIMIT')
        .default('600/1m'),
    )
    .addOption(
      new Option('--trust-proxy', 'trust X-Forwarded-* from a reverse proxy (client address, https)').env(
        'SIDELINE_TRUST_PROXY',
      ),
    )
    .addHelpText(
      'after',
      '\nEnvironment: SIDELINE_DB (SQLite file), DATABASE_URL (PostgreSQL), PORT, HOST, SIDELINE_RATE_LIMIT,\n' +
        'SIDELINE_DEMO_PASSWORD, SIDELINE_SQLITE_SYNCHRONOUS (FULL or NORMAL), SIDELINE_PG_POOL, SIDELINE_IMPORT_LIMIT,\n' +
        'SIDELINE_METRICS_TOKEN, SMTP_URL, SMTP_FROM, SIDELINE_PUBLIC_URL (email),\n' +
        'SIDELINE_DISPATCH=off (no sending in this process).\n' +
        'Examples:\n  $ sideline serve\n  $ PORT=9000 DATABASE_URL=postgres://… sideline serve --host 0.0.0.0 --no-demo\n',
    )
    .action(
      async (
        opts: { port: string; host: string; demo: boolean; trustProxy?: boolean; rateLimit: string },
        cmd: Command,
      ) => {
        const config = serveConfig(
          {
            port: String(opts.port),
            host: String(opts.host),
            demo: opts.demo,
            trustProxy: Boolean(opts.trustProxy),
            rateLimit: String(opts.rateLimit),
          },
          {
            port: cmd.getOptionValueSource('port'),
            host: cmd.getOptionValueSource('host'),
            rateLimit: cmd.getOptionValueSource('rateLimit'),
          },
        );
        const demoPassword = await checkDemoPassword(ctx.env);
        // SIDELINE_DISPATCH=off leaves sending to `sideline notify dispatch` processes
        const dispatching = ctx.env.SIDELINE_DISPATCH?.trim().toLowerCase() !== 'off';
        const delivery = dispatching ? deliveryFromEnv(ctx.env) : undefined;
        const g = ctx.globals(cmd);
        // the default file is made on a first start; a named one must exist (or --create)
        await withApp(
          g,
          async (app) => {
            if (config.demo) await seedDemoOnFirstStart(app.store, ctx.output, demoPassword);
            const server = await buildServer({
              store: app.store,
              logger: true,
              trustProxy: config.trustProxy,
              rateLimits: config.rateLimits,
              // without it, /metrics answers callers on this machine only
              metricsToken: ctx.env.SIDELINE_METRICS_TOKEN || undefined,
            });
            try {
              await server.listen({ port: config.port, host: config.host });
            } catch (e) {
              await server.close();
              const code = (e as NodeJS.ErrnoException).code;
              if (code === 'EADDRINUSE')
                throw new UserError(`port ${config.port} is already in use on ${config.host}`);
              if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
                throw new UserError(`cannot listen on ${config.host}: no such address on this machine`);
              }
              throw e;
            }
            const address = server.server.address();
            const where =
              address === null || typeof address === 'string'
                ? String(address)
                : `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
            ctx.output.err(`sideline: listening on ${where} (API docs at ${where}/api/docs)`);
            const dispatcher = delivery
              ? await new Dispatcher(app, delivery.channels, {
                  ...delivery.options,
                  log: (m) => ctx.output.err(`sideline notify: ${m}`),
                }).start()
              : undefined;
            ctx.output.err(
              `sideline: notifications: ${delivery ? delivery.emailLine : 'not sent here (SIDELINE_DISPATCH=off)'}`,
            );
            await new Promise<void>((resolve) => {
              const stop = () => {
                process.off('SIGINT', stop);
                process.off('SIGTERM', stop);
                resolve();
              };
              process.once('SIGINT', stop);
              process.once('SIGTERM', stop);
            });
            await dispatcher?.close();
            delivery?.channels.email?.close();
            await server.close();
          },
          { create: !g.dbNamed },
        );
      },
    );
}
