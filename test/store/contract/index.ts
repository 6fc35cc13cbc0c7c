// The store contract: written once, run against every database (sqlite.test.ts, postgres.test.ts).
import { accountsContract } from './accounts.case.js';
import { collectionsContract } from './collections.case.js';
import { concurrencyContract } from './concurrency.case.js';
import { eventsContract } from './events.case.js';
import { migrationsContract } from './migrations.case.js';
import { referencesContract } from './references.case.js';
import { requestsContract } from './requests.case.js';
import { retentionContract } from './retention.case.js';
import { revisionsContract } from './revisions.case.js';
import { scaleOutContract } from './scale-out.case.js';
import { summitsContract } from './summits.case.js';
import type { StoreTarget } from './target.js';
import { transactionsContract } from './transactions.case.js';

export type { StoreTarget } from './target.js';

/** Registers every contract test against `target`. */
export function storeContract(target: StoreTarget): void {
  summitsContract(target);
  collectionsContract(target);
  requestsContract(target);
  referencesContract(target);
  eventsContract(target);
  accountsContract(target);
  transactionsContract(target);
  revisionsContract(target);
  concurrencyContract(target);
  migrationsContract(target);
  scaleOutContract(target);
  retentionContract(target);
}
