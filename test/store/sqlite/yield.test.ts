// A long SQLite write transaction leaves the event loop turns: other work of the process (a health
// check) goes on while it runs, and the transaction stays whole.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteConnection, openSqliteReader } from '../../../src/store/sqlite/connection.js';
import { sqliteWrite } from '../../../src/store/sqlite/transaction.js';

const dir = mkdtempSync(join(tmpdir(), 'sideline-yield-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite statements and the event loop', () => {
  it('give the loop turns during a transaction of many statements, which still commits whole', async () => {
    const writer = openSqliteConnection(join(dir, 'yield.db'));
    const reader = openSqliteReader(writer);
    try {
      await sql`create table t (n integer not null)`.execute(writer.db);
      let turns = 0;
      let insideSeen = 0;
      const ticker = setInterval(() => turns++, 0);
      const seenByReader: number[] = [];
      await sqliteWrite(writer, async (db) => {
        const before = turns;
        for (let n = 0; n < 5000; n++) {
          await sql`insert into t (n) values (${n})`.execute(db);
          if (n === 2500) {
            // another connection, meanwhile, sees nothing of the open transaction
            const r = await sql<{ c: number }>`select count(*) as c from t`.execute(reader.db);
            seenByReader.push(r.rows[0]!.c);
          }
        }
        insideSeen = turns - before;
      });
      clearInterval(ticker);
      // without the turns, no timer could run until the transaction ended
      expect(insideSeen).toBeGreaterThan(0);
      expect(seenByReader).toEqual([0]);
      const count = await sql<{ c: number }>`select count(*) as c from t`.execute(reader.db);
      expect(count.rows[0]!.c).toBe(5000);
    } finally {
      await reader.db.destroy();
      await writer.db.destroy();
    }
  });
});
