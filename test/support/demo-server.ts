// A server on the APEC 2017 demo with its accounts, and API tokens to call it as them: for tests of
// the service as a whole (storage faults, outages, backups) that need real routes and real records.
import { createDemoAccounts } from '../../src/app/auth/demo-accounts.js';
import { createToken } from '../../src/app/auth/tokens.js';
import { appContext } from '../../src/app/context.js';
import { loadDemo } from '../../src/app/demo/apec-2017.js';
import type { UserId } from '../../src/domain/ids.js';
import type { Store } from '../../src/store/store.js';
import { SYSTEM } from './app.js';

/** The password of every demo account the tests make. */
export const DEMO_PASSWORD = 'demo passphrase for tests';

/** The demo's thread of the USA–PNG request, which the US protocol officer may post to. */
export const DEMO_THREAD = '/api/summits/apec-2017/requests/png-usa/thread';

/** Loads the demo and its accounts into an empty store; returns a bearer token of the US protocol officer. */
export async function seedDemo(store: Store): Promise<string> {
  await loadDemo(appContext(store), SYSTEM);
  const users = await createDemoAccounts(store, DEMO_PASSWORD);
  const usa = users.find((u) => u.email === 'usa-protocol@demo.test');
  if (!usa) throw new Error('the demo has no usa-protocol@demo.test');
  return (await createToken(store, usa.id as UserId, 'tests', new Date())).token;
}
