// Users, grants, password hashes, sessions, API tokens and idempotent responses.
import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../../../src/domain/actor/schema.js';
import type { DelegationId, UserId } from '../../../src/domain/ids.js';
import {
  DuplicateError,
  NotFoundError,
  StaleVersionError,
  type ApiToken,
  type Session,
} from '../../../src/store/store.js';
import * as f from './fixtures.js';
import { useStore, type StoreTarget } from './target.js';

/** Registers the accounts contract. */
export function accountsContract(target: StoreTarget): void {
  describe('accounts', () => {
    const ctx = useStore(target);
    const newUser = async (email?: string) => {
      const id = f.uniqueId('u');
      return ctx.store.write((tx) =>
        tx.users.insert({ ...f.user(id, email ?? `${id}@example.org`), version: 3 }),
      );
    };

    it('users: insert at version 1, get, byEmail whatever the case, list, versioned update', async () => {
      const user = await newUser();
      expect(user.version).toBe(1);
      expect(await ctx.store.read((tx) => tx.users.get(user.id))).toEqual(user);
      expect(await ctx.store.read((tx) => tx.users.byEmail(user.email.toUpperCase()))).toEqual(user);
      expect(await ctx.store.read((tx) => tx.users.list())).toContainEqual(user);
      const disabled = await ctx.store.write((tx) =>
        tx.users.update({ ...user, disabled: true, name: 'Renamed' }),
      );
      expect(disabled).toEqual({ ...user, disabled: true, name: 'Renamed', version: 2 });
      const stale = ctx.store.write((tx) => tx.users.update({ ...user, name: 'Stale' }));
      await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
      expect(await ctx.store.read((tx) => tx.users.get(user.id))).toEqual(disabled);
      const unknown = ctx.store.write((tx) => tx.users.update(f.user(f.uniqueId('none'))));
      await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    });

    it('users: an id or an email (in any case) is taken once', async () => {
      const user = await newUser();
      const sameId = ctx.store.write((tx) => tx.users.insert({ ...user, email: 'other@example.org' }));
      await expect(sameId).rejects.toMatchObject({ name: 'DuplicateError', entity: 'user' });
      const sameEmail = newUser(user.email.toUpperCase());
      await expect(sameEmail).rejects.toMatchObject({ name: 'DuplicateError', entity: 'user email' });
      const other = await newUser();
      const steal = ctx.store.write((tx) => tx.users.update({ ...other, email: user.email }));
      await expect(steal).rejects.toBeInstanceOf(DuplicateError);
      expect(await ctx.store.read((tx) => tx.users.get(other.id))).toEqual(other);
    });

    it('grants: set replaces them all, in the order given', async () => {
      const s = await f.seedWorld(ctx.store);
      const user = await newUser();
      const host: RoleGrant = { kind: 'host', summit: s, role: 'host-admin' };
      const lead: RoleGrant = {
        kind: 'delegation',
        summit: s,
        delegation: 'd2' as DelegationId,
        role: 'delegation-lead',
      };
      expect(await ctx.store.read((tx) => tx.users.grants(user.id))).toEqual([]);
      await ctx.store.write((tx) => tx.users.setGrants(user.id, [lead, host]));
      expect(await ctx.store.read((tx) => tx.users.grants(user.id))).toEqual([lead, host]);
      await ctx.store.write((tx) => tx.users.setGrants(user.id, [host]));
      expect(await ctx.store.read((tx) => tx.users.grants(user.id))).toEqual([host]);
      const unknownUser = ctx.store.write((tx) => tx.users.setGrants('nobody' as UserId, [host]));
      await expect(unknownUser).rejects.toBeInstanceOf(NotFoundError);
      const unknownDelegation = { ...lead, delegation: 'd-none' as DelegationId };
      const refused = ctx.store.write((tx) => tx.users.setGrants(user.id, [unknownDelegation]));
      await expect(refused).rejects.toThrow(/refers to a record that does not exist/);
      expect(await ctx.store.read((tx) => tx.users.grants(user.id))).toEqual([host]);
    });

    it('grants: a platform grant names no summit; add appends, also when two add at once', async () => {
      const s = await f.seedWorld(ctx.store);
      const t = await f.seedWorld(ctx.store);
      const user = await newUser();
      const read = () => ctx.store.read((tx) => tx.users.grants(user.id));
      const operator: RoleGrant = { kind: 'platform', role: 'operator' };
      const admin = (summit: typeof s): RoleGrant => ({ kind: 'host', summit, role: 'host-admin' });
      await ctx.store.write((tx) => tx.users.setGrants(user.id, [operator]));
      expect(await read()).toEqual([operator]);
      await ctx.store.write((tx) => tx.users.addGrant(user.id, admin(s)));
      expect(await read()).toEqual([operator, admin(s)]);
      const staff: RoleGrant = { kind: 'host', summit: s, role: 'host-staff' };
      // one addition waits, open, while another starts: the second must append after it, not beside it
      let added!: () => void;
      let release!: () => void;
      const isAdded = new Promise<void>((resolve) => (added = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const first = ctx.store.write(async (tx) => {
        await tx.users.addGrant(user.id, admin(t));
        added();
        await released;
      });
      await isAdded;
      const second = ctx.store.write((tx) => tx.users.addGrant(user.id, staff));
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      await Promise.all([first, second]);
      const after = await read();
      expect(after.slice(0, 2)).toEqual([operator, admin(s)]);
      expect(after.slice(2)).toEqual([admin(t), staff]);
      const unknownUser = ctx.store.write((tx) => tx.users.addGrant('nobody' as UserId, operator));
      await expect(unknownUser).rejects.toBeInstanceOf(NotFoundError);
      const unknownSummit = ctx.store.write((tx) => tx.users.addGrant(user.id, admin('s-none' as typeof s)));
      await expect(unknownSummit).rejects.toThrow(/refers to a record that does not exist/);
      // the database itself refuses a summit grant that lost its summit
      const noSummit = { kind: 'host', role: 'host-admin' } as unknown as RoleGrant;
      await expect(ctx.store.write((tx) => tx.users.addGrant(user.id, noSummit))).rejects.toThrow(
        /role_grants_platform/,
      );
      expect(await read()).toEqual(after);
    });

    it('password hash: set, replaced, read back, never part of the user', async () => {
      const user = await newUser();
      expect(await ctx.store.read((tx) => tx.users.passwordHash(user.id))).toBeUndefined();
      await ctx.store.write((tx) => tx.users.setPasswordHash(user.id, '$argon2id$one'));
      await ctx.store.write((tx) => tx.users.setPasswordHash(user.id, '$argon2id$two'));
      expect(await ctx.store.read((tx) => tx.users.passwordHash(user.id))).toBe('$argon2id$two');
      expect(JSON.stringify(await ctx.store.read((tx) => tx.users.get(user.id)))).not.toContain('argon2');
      const unknown = ctx.store.write((tx) => tx.users.setPasswordHash('nobody' as UserId, 'x'));
      await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    });

    it('sessions: insert, get, touch, remove one, remove all of a user', async () => {
      const user = await newUser();
      const session = (idHash: string): Session => ({
        idHash,
        user: user.id,
        createdAt: f.at(0),
        lastSeenAt: f.at(0),
        expiresAt: f.at(600),
      });
      const [a, b, c] = [f.uniqueId('h'), f.uniqueId('h'), f.uniqueId('h')];
      await ctx.store.write(async (tx) => {
        for (const id of [a, b, c]) await tx.sessions.insert(session(id));
      });
      await expect(ctx.store.write((tx) => tx.sessions.insert(session(a)))).rejects.toBeInstanceOf(
        DuplicateError,
      );
      expect(await ctx.store.read((tx) => tx.sessions.get(a))).toEqual(session(a));
      await ctx.store.write((tx) => tx.sessions.touch(a, f.at(5)));
      expect(await ctx.store.read((tx) => tx.sessions.get(a))).toEqual({
        ...session(a),
        lastSeenAt: f.at(5),
      });
      await expect(ctx.store.write((tx) => tx.sessions.touch('gone', f.at(5)))).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await ctx.store.write((tx) => tx.sessions.remove(a));
      expect(await ctx.store.read((tx) => tx.sessions.get(a))).toBeUndefined();
      await ctx.store.write((tx) => tx.sessions.removeForUser(user.id));
      expect(
        await ctx.store.read(async (tx) => [await tx.sessions.get(b), await tx.sessions.get(c)]),
      ).toEqual([undefined, undefined]);
    });

    it('tokens: insert, find by hash, list per user, revoke once', async () => {
      const user = await newUser();
      const token = (id: string, minute: number): ApiToken => ({
        id,
        hash: `hash-${id}`,
        user: user.id,
        name: `token ${id}`,
        createdAt: f.at(minute),
        revokedAt: null,
      });
      const [a, b] = [f.uniqueId('t'), f.uniqueId('t')];
      await ctx.store.write(async (tx) => {
        await tx.tokens.insert(token(b, 5));
        await tx.tokens.insert(token(a, 1));
      });
      const again = ctx.store.write((tx) =>
        tx.tokens.insert({ ...token(f.uniqueId('t'), 9), hash: `hash-${a}` }),
      );
      await expect(again).rejects.toBeInstanceOf(DuplicateError);
      expect(await ctx.store.read((tx) => tx.tokens.byHash(`hash-${a}`))).toEqual(token(a, 1));
      expect(await ctx.store.read((tx) => tx.tokens.listFor(user.id))).toEqual([token(a, 1), token(b, 5)]);
      await ctx.store.write((tx) => tx.tokens.revoke(a, f.at(10)));
      await ctx.store.write((tx) => tx.tokens.revoke(a, f.at(20)));
      expect(await ctx.store.read((tx) => tx.tokens.byHash(`hash-${a}`))).toEqual({
        ...token(a, 1),
        revokedAt: f.at(10),
      });
      await expect(ctx.store.write((tx) => tx.tokens.revoke('none', f.at(1)))).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('idempotency: a key is remembered per user and taken once', async () => {
      const [alice, bob] = [await newUser(), await newUser()];
      const response = {
        key: 'k1',
        user: alice.id,
        fingerprint: 'fp',
        status: 201,
        body: '{"ok":true}',
        createdAt: f.at(0),
      };
      expect(await ctx.store.read((tx) => tx.idempotency.get(alice.id, 'k1'))).toBeUndefined();
      await ctx.store.write((tx) => tx.idempotency.put(response));
      const stored = { ...response, headers: {}, claim: null };
      expect(await ctx.store.read((tx) => tx.idempotency.get(alice.id, 'k1'))).toEqual(stored);
      expect(await ctx.store.read((tx) => tx.idempotency.get(bob.id, 'k1'))).toBeUndefined();
      const twice = ctx.store.write((tx) => tx.idempotency.put({ ...response, status: 500 }));
      await expect(twice).rejects.toBeInstanceOf(DuplicateError);
      await ctx.store.write((tx) => tx.idempotency.put({ ...response, user: bob.id }));
      expect(await ctx.store.read((tx) => tx.idempotency.get(alice.id, 'k1'))).toEqual(stored);
    });
  });
}
