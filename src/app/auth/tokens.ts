// Personal API tokens: shown once at creation, stored as a SHA-256 hash, revocable.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/actor/schema.js';
import type { UserId } from '../../domain/ids.js';
import { MarkedValues } from '../../store/marked-values.js';
import { NotFoundError, type ApiToken, type Store, type User } from '../../store/store.js';
import { actorFor } from './actor.js';
import { AccountInputError } from './errors.js';
import { randomSecret, sha256Hex } from './secrets.js';

/** Every token starts with this, so a leaked one is recognisable (and greppable by scanners). */
export const TOKEN_PREFIX = 'sl_';
const TOKEN = /^sl_[A-Za-z0-9_-]{43}$/u;

/** What may be shown about a token after its creation: everything but the secret and its hash. */
export type TokenInfo = Omit<ApiToken, 'hash'>;

/** A token just created: `token` is the secret, returned this once and never again. */
export interface CreatedToken {
  token: string;
  info: TokenInfo;
}

/** The user and Actor behind a valid token. */
export interface ResolvedToken {
  user: User;
  actor: Actor;
  info: TokenInfo;
}

function info({ hash: _hash, ...rest }: ApiToken): TokenInfo {
  return rest;
}

/** Creates a named token for a user and returns its secret once. */
export async function createToken(
  store: Store,
  user: UserId,
  name: string,
  now: Date,
): Promise<CreatedToken> {
  const label = name.trim();
  if (label === '' || label.length > 100) throw new AccountInputError('name', 'give 1 to 100 characters');
  const token = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const record: ApiToken = {
    id: randomUUID(),
    hash: sha256Hex(token),
    user,
    name: label,
    createdAt: now.toISOString(),
    revokedAt: null,
  };
  await store.write(async (tx) => {
    if (!(await tx.users.get(user))) throw new NotFoundError('user', user);
    await tx.tokens.insert(record);
  });
  return { token, info: info(record) };
}

/** A user's tokens, revoked ones included, newest first. */
export async function listTokens(store: Store, user: UserId): Promise<TokenInfo[]> {
  const all = await store.read((tx) => tx.tokens.listFor(user));
  return all.map(info).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Revokes one of the user's own tokens; another user's token is NotFoundError, as if it did not exist. */
export async function revokeToken(store: Store, user: UserId, id: string, now: Date): Promise<void> {
  await store.write(async (tx) => {
    const token = (await tx.tokens.listFor(user)).find((t) => t.id === id);
    if (!token) throw new NotFoundError('token', id);
    if (token.revokedAt === null) await tx.tokens.revoke(id, now.toISOString());
  });
}

/**
 * Tokens already resolved, by hash, each with the store's change mark it was read under: while the
 * mark holds nothing has committed anywhere (no revocation, no disabled account, no changed grant),
 * so the same answer stands. Where the store has no mark (PostgreSQL) every call reads.
 */
export class ResolvedTokens extends MarkedValues<ResolvedToken> {
  constructor(max = 10_000) {
    super(max);
  }
}

/**
 * The user behind a token, or undefined when it is malformed, unknown, revoked or its user disabled.
 * With `known`, a valid token's answer is reused while nothing has committed since it was read;
 * `mark` is the store's change mark, when the caller has just taken it.
 */
export async function resolveToken(
  store: Store,
  token: string,
  known?: ResolvedTokens,
  mark: number | undefined = store.changeMark(), // before the read: a commit in between only makes the next call read
): Promise<ResolvedToken | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const hash = sha256Hex(token);
  const kept = known?.get(hash, mark);
  if (kept) return kept;
  const resolved = await store.read(async (tx) => {
    const record = await tx.tokens.byHash(hash);
    if (!record || record.revokedAt !== null) return undefined;
    const user = await tx.users.get(record.user);
    if (!user || user.disabled) return undefined;
    return { user, actor: await actorFor(tx, user), info: info(record) };
  });
  if (resolved) known?.set(hash, mark, resolved);
  return resolved;
}
