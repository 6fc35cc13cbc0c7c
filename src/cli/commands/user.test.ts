// `sideline user add|disable` and `sideline token create` as real processes on a real SQLite file.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthContext } from '../../app/auth/context.js';
import { login, resolveSession } from '../../app/auth/sessions.js';
import { seedSummit } from '../../app/auth/testing/stores.js';
import { resolveToken } from '../../app/auth/tokens.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/store.js';
import { grantOf } from './user.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sideline.js');
const PASSWORD = 'copper kettle on the stove';

describe('sideline user and token', { timeout: 60_000 }, () => {
  let dir: string;
  let db: string;
  const sideline = (args: string[], input = '') =>
    spawnSync(process.execPath, [BIN, ...args, '--db', db], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      env: process.env,
    });
  const withStore = async <T>(fn: (store: Store) => Promise<T>): Promise<T> => {
    const store = await openStore({ sqlitePath: db });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sideline-user-'));
    db = join(dir, 'users.db');
    await withStore((store) => seedSummit(store, 'apec-2017'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('adds a user with one role, the password read from standard input', async () => {
    const r = sideline(
      ['user', 'add', '--email', 'Ana@Example.org', '--role', 'protocol-officer', '--delegation', 'usa'],
      `${PASSWORD}\n`,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^created ana@example\.org \(u-[0-9a-f-]+\) as protocol-officer of usa/);
    const session = await withStore((store) =>
      login(
        createAuthContext(store),
        { email: 'ana@example.org', password: PASSWORD, address: 'cli' },
        new Date(),
      ),
    );
    expect(session.actor.grants).toEqual([
      { kind: 'delegation', summit: 'apec-2017', delegation: 'usa', role: 'protocol-officer' },
    ]);
  });

  it('names what is wrong with a role, a delegation or a summit', () => {
    const grant = (role: string, delegation?: string) => () => grantOf(role, delegation, 'apec-2017');
    expect(grant('king')).toThrow(/--role "king" is not one of: host-admin, host-staff, delegation-lead/);
    expect(grant('adviser')).toThrow('--role adviser is a delegation role: add --delegation ID');
    expect(grant('host-admin', 'usa')).toThrow('--role host-admin is a host role: drop --delegation');
    expect(grant('host-staff')()).toEqual({ kind: 'host', summit: 'apec-2017', role: 'host-staff' });
    expect(grant('viewer', 'usa')()).toEqual({
      kind: 'delegation',
      summit: 'apec-2017',
      delegation: 'usa',
      role: 'viewer',
    });
  });

  it('refuses mistakes with exit 1 and one clear line, creating nothing', { timeout: 90_000 }, async () => {
    const cases: [string[], string, RegExp][] = [
      [['--email', 'bo@example.org', '--role', 'king'], PASSWORD, /--role "king" is not one of/],
      [
        ['--email', 'bo@example.org', '--role', 'viewer', '--delegation', 'fra'],
        PASSWORD,
        /no delegation "fra"/,
      ],
      [
        ['--email', 'bo@example.org', '--role', 'viewer', '--delegation', 'usa'],
        'password1234',
        /most common/,
      ],
      [
        ['--email', 'bo@example.org', '--role', 'viewer', '--delegation', 'usa'],
        '',
        /no password on standard input/,
      ],
      [['--email', 'ana@example.org', '--role', 'viewer', '--delegation', 'usa'], PASSWORD, /already exists/],
    ];
    for (const [args, input, message] of cases) {
      const r = sideline(['user', 'add', ...args], input);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await withStore((s) => s.read((tx) => tx.users.byEmail('bo@example.org')))).toBeUndefined();
  });

  it('creates a token printed once on stdout that authenticates as the user', async () => {
    const r = sideline(['token', 'create', '--email', 'ana@example.org', '--name', 'export']);
    expect(r.status).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toMatch(/not shown again/);
    const resolved = await withStore((store) => resolveToken(store, token));
    expect(resolved?.user.email).toBe('ana@example.org');
    expect(sideline(['token', 'create', '--email', 'nobody@example.org']).stderr).toMatch(
      /no user "nobody@example.org"/,
    );
  });

  it('disables a user: sessions end and tokens stop working', async () => {
    const { cookie, token } = await withStore(async (store) => {
      const ctx = createAuthContext(store);
      const s = await login(
        ctx,
        { email: 'ana@example.org', password: PASSWORD, address: 'cli' },
        new Date(),
      );
      return {
        cookie: s.cookieValue,
        token: sideline(['token', 'create', '--email', 'ana@example.org']).stdout.trim(),
      };
    });
    const r = sideline(['user', 'disable', 'ANA@example.org']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/disabled ana@example\.org/);
    await withStore(async (store) => {
      expect(await resolveSession(createAuthContext(store), cookie, new Date())).toBeUndefined();
      expect(await resolveToken(store, token)).toBeUndefined();
    });
  });
});
