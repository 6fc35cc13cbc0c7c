// What the benchmark's server holds before the load: the APEC demo and its accounts, one US request
// to Russia per connection for the write mix, and API tokens for the users the mixes act as.
import { createDemoAccounts } from '../../src/app/auth/demo-accounts.js';
import { createToken } from '../../src/app/auth/tokens.js';
import { createUser } from '../../src/app/auth/users.js';
import { appContext } from '../../src/app/context.js';
import { DEMO_SUMMIT, loadDemo } from '../../src/app/demo/apec-2017.js';
import { requestMeeting } from '../../src/app/requests/request-meeting.js';
import type { Actor } from '../../src/domain/actor/schema.js';
import type { UserId } from '../../src/domain/ids.js';
import type { Store } from '../../src/store/store.js';
import { BENCH_OPERATOR, BENCH_USERS, benchRequestId } from './protocol.js';

const OPERATOR: Actor = { user: 'bench-operator' as UserId, grants: [], system: true };

/**
 * Seeds an empty store for `connections` connections; returns the API tokens of `users` (demo
 * account ids) by user id.
 */
export async function seedBench(
  store: Store,
  connections: number,
  users: readonly string[] = BENCH_USERS,
): Promise<Record<string, string>> {
  const ctx = appContext(store);
  await loadDemo(ctx, OPERATOR);
  const accounts = await createDemoAccounts(store, 'lantern harbour sunflower');
  if (users.includes(BENCH_OPERATOR)) {
    accounts.push(
      await createUser(store, {
        id: BENCH_OPERATOR,
        email: 'bench-operator@demo.test',
        name: 'Benchmark operator',
        password: 'lantern harbour sunflower',
        grants: [{ kind: 'platform', role: 'operator' }],
      }),
    );
  }
  const tokens: Record<string, string> = {};
  for (const id of users) {
    const user = accounts.find((u) => u.id === id);
    if (!user) throw new Error(`the demo has no account ${id}`);
    tokens[id] = (await createToken(store, user.id, 'api benchmark', new Date())).token;
  }
  // one request per connection: the write mix's conditions never contend for one request
  for (let n = 0; n < connections; n++) {
    await requestMeeting(ctx, OPERATOR, DEMO_SUMMIT, {
      id: benchRequestId(n),
      from: 'usa',
      to: ['rus'],
      format: 'bilateral',
      level: 'officials',
      minutes: 30,
      attendees: ['usa-nsa', 'rus-aide'],
    });
  }
  return tokens;
}
