// A signed-in caller's standing, watched for as long as a long-lived answer (an event stream) is
// open: the session ended, the token revoked, the account disabled or its grants changed must end
// the answer at once, not at its next reconnect.
import type { UserId } from '../../domain/ids.js';
import type { Store } from '../../store/store.js';

/**
 * Asks `stillValid` whenever the store announces a change to `user`'s standing (this process's
 * writes and, on PostgreSQL, every server's through LISTEN/NOTIFY) and every `pollMs` besides (for
 * what no notice reaches: another process on one SQLite file, a session reaching its timeout), and
 * calls `lost` once when it answers false. A check that cannot reach the store is tried again at
 * the next notice or poll. Returns the function that stops watching.
 */
export async function watchStanding(
  store: Store,
  user: UserId,
  stillValid: () => Promise<boolean>,
  lost: () => void,
  pollMs: number,
): Promise<() => Promise<void>> {
  let stopped = false;
  let checking = false;
  let again = false;
  // subscribed before the first check can run, so stop() always finds both to undo
  const unsubscribe = await store.subscribe((notice) => {
    if (notice.kind === 'account' && notice.user === user) void check();
  });
  const timer = setInterval(() => void check(), pollMs);
  timer.unref();

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    await unsubscribe();
  }

  async function check(): Promise<void> {
    if (stopped) return;
    if (checking) {
      again = true; // a change during a check is checked again after it
      return;
    }
    checking = true;
    try {
      do {
        again = false;
        if (!(await stillValid())) {
          await stop();
          lost();
          return;
        }
      } while (again && !stopped);
    } catch {
      // the store is unreachable: the next notice or poll asks again
    } finally {
      checking = false;
    }
  }

  return stop;
}
