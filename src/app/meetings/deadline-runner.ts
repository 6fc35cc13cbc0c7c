// The server sweeps every summit's confirmation deadlines once a minute, as the system: a meeting is
// flagged (or its slot released) within a minute of its deadline, with nobody having to ask.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/actor/schema.js';
import type { UserId } from '../../domain/ids.js';
import { sweepConfirmationDeadlines } from './deadlines.js';

/** The system, which sweeps the deadlines. */
const SWEEPER: Actor = { user: 'system' as UserId, grants: [], system: true };

/** A running sweeper. */
export interface DeadlineSweeper {
  /** Sweeps every summit now (also what the timer does). */
  sweepAll(): Promise<void>;
  close(): void;
}

/** Starts sweeping every summit's confirmation deadlines every `intervalMs` (default one minute). */
export function startDeadlineSweeper(
  ctx: AppContext,
  options: { intervalMs?: number; log?: (message: string) => void } = {},
): DeadlineSweeper {
  const log = options.log ?? (() => {});
  let running: Promise<void> | null = null;
  const sweepAll = async (): Promise<void> => {
    const summits = await ctx.store.read((tx) => tx.summits.list());
    for (const summit of summits.filter((s) => s.confirmation !== null)) {
      try {
        const { flagged, released } = await sweepConfirmationDeadlines(ctx, SWEEPER, summit.id);
        if (flagged.length > 0) {
          log(`${summit.id}: confirmation overdue for ${flagged.join(', ')}; released ${released.length}`);
        }
      } catch (e) {
        log(`${summit.id}: sweeping confirmation deadlines failed: ${(e as Error).message}`);
      }
    }
  };
  const timer = setInterval(() => {
    // one sweep at a time; a slow one is not stacked on
    if (running) return;
    running = sweepAll()
      .catch((e: unknown) => log(`sweeping confirmation deadlines failed: ${(e as Error).message}`))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? 60_000);
  // the sweeper never keeps a process alive on its own
  timer.unref();
  return {
    sweepAll,
    close: () => clearInterval(timer),
  };
}
