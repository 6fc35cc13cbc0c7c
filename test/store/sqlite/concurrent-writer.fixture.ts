// A separate process writing to one SQLite file, for sqlite.test.ts: renames venue v1 of a summit
// `count` times, each in one write transaction that reads, updates and logs an event.
// Prints "ready" once the store is open and starts on a line from stdin, so that every writer
// starts together; then prints {"writes": n} and exits 0, or prints the first error and exits 1.
import { once } from 'node:events';
import type { SummitId, UserId } from '../../../src/domain/ids.js';
import type { Instant } from '../../../src/domain/time.js';
import { openStore } from '../../../src/store/open.js';

const [path, summit, label, count] = process.argv.slice(2);
if (!path || !summit || !label || !count) {
  console.error('usage: concurrent-writer.fixture.ts <sqlite file> <summit> <label> <count>');
  process.exit(2);
}

const store = await openStore({ sqlitePath: path });
const s = summit as SummitId;
console.log('ready');
await once(process.stdin, 'data');
try {
  for (let i = 0; i < Number(count); i++) {
    await store.write(async (tx) => {
      const venue = await tx.venues.get(s, 'v1');
      if (!venue) throw new Error('venue v1 missing');
      const next = await tx.venues.update(s, { ...venue, name: `${label}-${i}` });
      await tx.events.append({
        summit: s,
        at: new Date().toISOString() as Instant,
        actor: label as UserId,
        scope: { kind: 'summit' },
        type: 'venue.renamed',
        payload: { label, version: next.version },
      });
    });
    // A breath between writes, as a real client has: without it one process can finish all its
    // writes within one time slice on an idle machine, and the test would prove no contention.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  console.log(JSON.stringify({ writes: Number(count) }));
} catch (error) {
  console.error(
    error instanceof Error
      ? `${error.name}: ${error.message} ${String((error as { code?: string }).code ?? '')}`
      : error,
  );
  process.exitCode = 1;
} finally {
  process.stdin.destroy();
  await store.close();
}
