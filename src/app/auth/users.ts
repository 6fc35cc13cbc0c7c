// Account use cases: create a user, set a password, disable an account.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RoleGrant } from '../../domain/actor/schema.js';
import { UserId } from '../../domain/ids.js';
import { DuplicateError, NotFoundError, type Store, type Tx, type User } from '../../store/store.js';
import { AccountInputError } from './errors.js';
import { hashPassword } from './password.js';
import { checkPasswordPolicy } from './password-policy.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** The canonical form of an email: trimmed and lower-cased, so lookups ignore case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function validEmail(email: string): string {
  const e = normaliseEmail(email);
  if (e.length > 254 || !EMAIL.test(e))
    throw new AccountInputError('email', `"${email}" is not an email address`);
  return e;
}

/** What creating an account needs; the password is checked against the policy and then hashed. */
export interface NewUser {
  /** A chosen id (demo accounts match the demo's authors); a random one otherwise. */
  id?: string;
  email: string;
  name: string;
  password: string;
  grants: RoleGrant[];
}

/** Creates an enabled account with its password hash and grants; DuplicateError if the email is taken. */
export async function createUser(store: Store, input: NewUser): Promise<User> {
  await checkPasswordPolicy(input.password, validEmail(input.email));
  return createUserWithCheckedPassword(store, input);
}

/**
 * The same, for a caller that has checked the password against the policy for this account's email
 * already (the demo checks its one password for all its accounts at once).
 */
export async function createUserWithCheckedPassword(store: Store, input: NewUser): Promise<User> {
  const email = validEmail(input.email);
  const name = input.name.trim();
  if (name === '' || name.length > 300) throw new AccountInputError('name', 'give 1 to 300 characters');
  const grants = z.array(RoleGrant).safeParse(input.grants);
  if (!grants.success) {
    const first = grants.error.issues[0];
    throw new AccountInputError(`grants[${first?.path.join('.') ?? ''}]`, first?.message ?? 'invalid grant');
  }
  const hash = await hashPassword(input.password); // slow: outside the write transaction
  return store.write(async (tx) => {
    if (await tx.users.byEmail(email)) throw new DuplicateError('user', email);
    await checkGrantTargets(tx, grants.data);
    const user = await tx.users.insert({
      id: UserId.parse(input.id ?? `u-${randomUUID()}`),
      email,
      name,
      disabled: false,
      version: 1,
    });
    await tx.users.setPasswordHash(user.id, hash);
    await tx.users.setGrants(user.id, grants.data);
    return user;
  });
}

/** An account with the roles it holds, as `sideline user list` shows it. */
export interface UserWithGrants extends User {
  grants: RoleGrant[];
}

/** Every account with its roles, by email; for whoever runs the server (the CLI's operator). */
export async function listUsers(store: Store): Promise<UserWithGrants[]> {
  return store.read(async (tx) => {
    const users = await tx.users.list();
    const withGrants = await Promise.all(
      users.map(async (u) => ({ ...u, grants: await tx.users.grants(u.id) })),
    );
    return withGrants.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  });
}

/** Finds an account by email (any case); NotFoundError when there is none. */
export async function userByEmail(store: Store, email: string): Promise<User> {
  const e = normaliseEmail(email);
  const user = await store.read((tx) => tx.users.byEmail(e));
  if (!user) throw new NotFoundError('user', e);
  return user;
}

/**
 * Every grant in a summit must name a summit (and delegation) that exists, or the account is refused
 * whole. A platform grant (operator) names none.
 */
async function checkGrantTargets(tx: Tx, grants: readonly RoleGrant[]): Promise<void> {
  for (const [i, g] of grants.entries()) {
    if (g.kind === 'platform') continue;
    if (!(await tx.summits.get(g.summit))) {
      throw new AccountInputError(`grants[${i}].summit`, `no summit "${g.summit}"`);
    }
    if (g.kind === 'delegation' && !(await tx.delegations.get(g.summit, g.delegation))) {
      throw new AccountInputError(
        `grants[${i}].delegation`,
        `no delegation "${g.delegation}" in summit "${g.summit}"`,
      );
    }
  }
}

async function requireUser(tx: Tx, id: UserId): Promise<User> {
  const user = await tx.users.get(id);
  if (!user) throw new NotFoundError('user', id);
  return user;
}

/** Replaces a user's password (policy-checked) and ends their sessions, so old cookies stop working. */
export async function setPassword(store: Store, user: UserId, password: string): Promise<void> {
  const current = await store.read((tx) => requireUser(tx, user));
  await checkPasswordPolicy(password, current.email);
  const hash = await hashPassword(password);
  await store.write(async (tx) => {
    await requireUser(tx, user);
    await tx.users.setPasswordHash(user, hash);
    await tx.sessions.removeForUser(user);
  });
}

/** Disables an account and ends every session; its API tokens stop resolving while it is disabled. */
export async function disableUser(store: Store, user: UserId): Promise<User> {
  return store.write(async (tx) => {
    const current = await requireUser(tx, user);
    const updated = current.disabled ? current : await tx.users.update({ ...current, disabled: true });
    await tx.sessions.removeForUser(user);
    return updated;
  });
}

/** Replaces the roles a user holds (each grant validated). */
export async function setGrants(store: Store, user: UserId, grants: RoleGrant[]): Promise<void> {
  const parsed = z.array(RoleGrant).parse(grants);
  await store.write(async (tx) => {
    await requireUser(tx, user);
    await checkGrantTargets(tx, parsed);
    await tx.users.setGrants(user, parsed);
  });
}
