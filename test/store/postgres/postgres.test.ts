// The store contract on a real PostgreSQL server (test/global-setup.ts), in a database of this file's own.
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.js';
import { storeContract, type StoreTarget } from '../contract/index.js';
import { openStore } from '../../../src/store/open.js';

const databases: TestDatabase[] = [];
let main: TestDatabase | undefined;

async function newDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase(inject('pgUrl'));
  databases.push(db);
  return db;
}

beforeAll(async () => {
  main = await newDatabase();
});
afterAll(async () => {
  for (const db of databases) await db.drop();
});

function postgresTarget(database: () => TestDatabase | undefined): StoreTarget {
  const url = () => {
    const db = database();
    if (!db) throw new Error('the test database is created in beforeAll');
    return db.url;
  };
  return {
    dialect: 'postgres',
    open: () => openStore({ databaseUrl: url() }),
    async appliedMigrations() {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          'select name from kysely_migration order by name',
        );
        return rows.map((row) => row.name);
      } finally {
        await client.end();
      }
    },
    async fresh() {
      const db = await newDatabase();
      return postgresTarget(() => db);
    },
  };
}

storeContract(postgresTarget(() => main));
