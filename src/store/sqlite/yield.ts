// better-sqlite3 runs every statement synchronously, and Kysely's awaits between statements are
// microtasks: a transaction of many statements (a 100,000-request import) would hold the event loop
// for its whole length, leaving every other request (health checks included) unanswered. This plugin
// gives the loop a turn once statements have run for YIELD_AFTER_MS with no turn between them. Other
// users of the same connection keep waiting meanwhile (Kysely runs one at a time per connection), so
// a transaction stays whole; only the process's other work goes on.
import type { KyselyPlugin, PluginTransformResultArgs, QueryResult, UnknownRow } from 'kysely';

/** Statements that have held the event loop this long are followed by a turn of it. */
export const YIELD_AFTER_MS = 15;

/** A plugin that yields to the event loop once statements have held it for YIELD_AFTER_MS. */
export function yieldingPlugin(now: () => number = () => performance.now()): KyselyPlugin {
  // a run starts with a statement that finds no run going, and ends when the loop turns: an
  // immediate scheduled at its start runs then (a timestamp would not tell a turn of the loop from
  // the process waiting for a core on a busy machine)
  let runStarted: number | undefined;
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    transformQuery: (args) => args.node,
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (runStarted === undefined) {
        runStarted = now();
        setImmediate(() => {
          runStarted = undefined;
        });
      } else if (now() - runStarted > YIELD_AFTER_MS) {
        await turn(); // the run's own immediate ran before this one: the next statement starts a run
      }
      return args.result;
    },
  };
}
