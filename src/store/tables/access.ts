// Login sessions, personal API tokens and remembered idempotent responses.
import type { UserId } from '../../domain/ids.js';
import { NotFoundError, type ApiToken, type IdempotentResponse, type Session, type Tx } from '../store.js';
import type { ApiTokenRow, IdempotencyRow, SessionRow } from './rows.js';
import { insertOnce, type TableContext } from './versioned.js';

/** A sessions row as a Session. */
export function rowToSession(row: SessionRow): Session {
  return {
    idHash: row.id_hash,
    user: row.user_id as UserId,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}

/** An api_tokens row as an ApiToken. */
export function rowToToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    hash: row.hash,
    user: row.user_id as UserId,
    name: row.name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** An idempotency row as an IdempotentResponse. */
export function rowToIdempotent(row: IdempotencyRow): IdempotentResponse {
  return {
    key: row.key,
    user: row.user_id as UserId,
    fingerprint: row.fingerprint,
    status: row.status,
    body: row.body,
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {},
    claim: row.claim,
    createdAt: row.created_at,
  };
}

/** Enough of a hash to tell records apart in a message without printing it whole. */
function shortHash(hash: string): string {
  return hash.length > 8 ? `${hash.slice(0, 8)}…` : hash;
}

/** The sessions member of a transaction. */
export function sessionsTable(ctx: TableContext): Tx['sessions'] {
  return {
    async insert(session) {
      const target = {
        table: 'sessions' as const,
        entity: 'session',
        key: shortHash(session.idHash),
        where: {},
      };
      await insertOnce(ctx, target, {
        id_hash: session.idHash,
        user_id: session.user,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
      });
    },
    async get(idHash) {
      const row = await ctx.db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      return row ? rowToSession(row) : undefined;
    },
    async touch(idHash, lastSeenAt) {
      const result = await ctx.db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt })
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('session', shortHash(idHash));
    },
    async remove(idHash) {
      const gone = await ctx.db
        .deleteFrom('sessions')
        .where('id_hash', '=', idHash)
        .returning('user_id')
        .executeTakeFirst();
      // a stream opened with this session must end with it
      if (gone) await ctx.notify({ kind: 'account', user: gone.user_id as UserId });
    },
    async removeForUser(user) {
      await ctx.db.deleteFrom('sessions').where('user_id', '=', user).execute();
      await ctx.notify({ kind: 'account', user });
    },
  };
}

/** The tokens member of a transaction. */
export function tokensTable(ctx: TableContext): Tx['tokens'] {
  return {
    async insert(token) {
      const target = { table: 'api_tokens' as const, entity: 'API token', key: token.id, where: {} };
      await insertOnce(ctx, target, {
        id: token.id,
        hash: token.hash,
        user_id: token.user,
        name: token.name,
        created_at: token.createdAt,
        revoked_at: token.revokedAt,
      });
    },
    async byHash(hash) {
      const row = await ctx.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('hash', '=', hash)
        .executeTakeFirst();
      return row ? rowToToken(row) : undefined;
    },
    async listFor(user) {
      const rows = await ctx.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', user)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(rowToToken);
    },
    async revoke(id, at) {
      // The first revocation time stands; revoking again changes nothing.
      const result = await ctx.db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returning('user_id')
        .executeTakeFirst();
      if (result) {
        // a stream opened with this token must end with it
        await ctx.notify({ kind: 'account', user: result.user_id as UserId });
        return;
      }
      const exists = await ctx.db
        .selectFrom('api_tokens')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!exists) throw new NotFoundError('API token', id);
    },
  };
}

/** The idempotency member of a transaction: a key is answered once, then remembered until swept. */
export function idempotencyTable(ctx: TableContext): Tx['idempotency'] {
  return {
    async get(user, key) {
      const row = await ctx.db
        .selectFrom('idempotency')
        .selectAll()
        .where('user_id', '=', user)
        .where('key', '=', key)
        .executeTakeFirst();
      return row ? rowToIdempotent(row) : undefined;
    },
    async put(response) {
      const target = {
        table: 'idempotency' as const,
        entity: 'idempotent response',
        key: response.key,
        where: {},
      };
      await insertOnce(ctx, target, {
        user_id: response.user,
        key: response.key,
        fingerprint: response.fingerprint,
        status: response.status,
        body: response.body,
        headers: JSON.stringify(response.headers ?? {}),
        claim: response.claim ?? null,
        created_at: response.createdAt,
      });
    },
    async holds(user, key, claim) {
      const result = await ctx.db
        .updateTable('idempotency')
        .set({ claim })
        .where('user_id', '=', user)
        .where('key', '=', key)
        .where('claim', '=', claim)
        .where('status', '=', 0)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async takeOver(user, key, from, to, at) {
      const result = await ctx.db
        .updateTable('idempotency')
        .set({ claim: to, created_at: at })
        .where('user_id', '=', user)
        .where('key', '=', key)
        .where('claim', '=', from)
        .where('status', '=', 0)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async answer(user, key, claim, answer) {
      const result = await ctx.db
        .updateTable('idempotency')
        .set({
          status: answer.status,
          body: answer.body,
          headers: JSON.stringify(answer.headers),
          created_at: answer.createdAt,
          claim: null,
        })
        .where('user_id', '=', user)
        .where('key', '=', key)
        .where('claim', '=', claim)
        .where('status', '=', 0)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async release(user, key, claim) {
      await ctx.db
        .deleteFrom('idempotency')
        .where('user_id', '=', user)
        .where('key', '=', key)
        .where('claim', '=', claim)
        .where('status', '=', 0)
        .execute();
    },
    async forget(user, key, storedBefore) {
      await ctx.db
        .deleteFrom('idempotency')
        .where('user_id', '=', user)
        .where('key', '=', key)
        .where('created_at', '<', storedBefore)
        .execute();
    },
    async removeStoredBefore(storedBefore, limit) {
      const result = await ctx.db
        .deleteFrom('idempotency')
        .where(({ eb, refTuple, selectFrom }) => {
          let oldest = selectFrom('idempotency')
            .select(['user_id', 'key'])
            .where('created_at', '<', storedBefore)
            .orderBy('created_at')
            .limit(limit);
          if (ctx.dialect === 'postgres') oldest = oldest.forUpdate().skipLocked();
          return eb(refTuple('user_id', 'key'), 'in', oldest.$asTuple('user_id', 'key'));
        })
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** The loginFailures member of a transaction. */
export function loginFailuresTable(ctx: TableContext): Tx['loginFailures'] {
  return {
    async recent(account, address, since) {
      const rows = await ctx.db
        .selectFrom('login_failures')
        .selectAll()
        .where((eb) => eb.or([eb('account_key', '=', account), eb('address', '=', address)]))
        .where('last_failed_at', '>=', since)
        .execute();
      return rows.map((r) => ({
        account: r.account_key,
        address: r.address,
        failures: Number(r.failures),
        lastFailedAt: r.last_failed_at,
      }));
    },
    async record(account, address, at, since) {
      // one statement, so concurrent failures of the pair on any server each count
      await ctx.db
        .insertInto('login_failures')
        .values({ account_key: account, address, failures: 1, last_failed_at: at })
        .onConflict((c) =>
          c.columns(['account_key', 'address']).doUpdateSet((eb) => ({
            failures: eb
              .case()
              .when('login_failures.last_failed_at', '<', since)
              .then(1)
              .else(eb('login_failures.failures', '+', 1))
              .end(),
            last_failed_at: at,
          })),
        )
        .execute();
    },
    async clear(account, address) {
      await ctx.db
        .deleteFrom('login_failures')
        .where('account_key', '=', account)
        .where('address', '=', address)
        .execute();
    },
    async prune(before) {
      const result = await ctx.db
        .deleteFrom('login_failures')
        .where('last_failed_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
