// `sideline user list|add|passwd|disable` and `sideline token create|list|revoke` as real processes
// on a real SQLite file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthContext } from '../../../src/app/auth/context.js';
import { login, resolveSession } from '../../../src/app/auth/sessions.js';
import { seedSummit } from '../../app/auth/testing/stores.js';
import { resolveToken } from '../../../src/app/auth/tokens.js';
import { openStore } from '../../../src/store/open.js';
import type { Store } from '../../../src/store/store.js';
import { grantOf, platformGrantOf } from '../../../src/cli/commands/user.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sideline.js');
const PASSWORD = 'copper kettle on the stove';

describe('sideline user and token', { timeout: 60_000 }, () => {
  let dir: string;
  let db: string;
  const sideline = (args: string[], input = '', on = db) =>
    spawnSync(process.execPath, [BIN, ...args, '--db', on], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      env: process.env,
    });
  const withStore = async <T>(fn: (store: Store) => Promise<T>, on = db): Promise<T> => {
    const store = await openStore({ sqlitePath: on });
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

  it('adds an operator, held in no summit: even before the database holds one', async () => {
    const empty = join(dir, 'no-summit.db');
    const r = sideline(
      // a new database: --create says that the missing file is meant
      ['user', 'add', '--email', 'Ops@Example.org', '--role', 'operator', '--create'],
      `${PASSWORD}\n`,
      empty,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^created ops@example\.org \(u-[0-9a-f-]+\) as operator/);
    const session = await withStore(
      (store) =>
        login(
          createAuthContext(store),
          { email: 'ops@example.org', password: PASSWORD, address: 'cli' },
          new Date(),
        ),
      empty,
    );
    expect(session.actor.grants).toEqual([{ kind: 'platform', role: 'operator' }]);
    expect(session.actor.system).toBe(false);
    expect(await withStore((s) => s.read((tx) => tx.summits.list()), empty)).toEqual([]);
  });

  it('refuses --summit or --delegation beside --role operator, naming them, creating nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['--summit', 'apec-2017'], /--role operator is held over the platform, in no summit: drop --summit$/],
      [
        ['--delegation', 'usa'],
        /--role operator is held over the platform, in no summit: drop --delegation$/,
      ],
      [['--summit', 'apec-2017', '--delegation', 'usa'], /in no summit: drop --summit and --delegation$/],
    ];
    for (const [extra, message] of cases) {
      const r = sideline(
        ['user', 'add', '--email', 'op2@example.org', '--role', 'operator', ...extra],
        PASSWORD,
      );
      expect(r.status, extra.join(' ')).toBe(1);
      expect(r.stderr.trim()).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // given before the command name, --summit is refused all the same
    const before = spawnSync(
      process.execPath,
      [
        BIN,
        '--summit',
        'apec-2017',
        'user',
        'add',
        '--email',
        'op2@example.org',
        '--role',
        'operator',
        '--db',
        db,
      ],
      { cwd: ROOT, input: PASSWORD, encoding: 'utf8', env: process.env },
    );
    expect(before.status).toBe(1);
    expect(before.stderr).toMatch(/drop --summit/);
    expect(await withStore((s) => s.read((tx) => tx.users.byEmail('op2@example.org')))).toBeUndefined();
  });

  it('lists operator among the roles in its help', () => {
    const help = sideline(['user', 'add', '--help']);
    expect(help.status).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('in no summit: operator (creates summits)');
    expect(text).toContain('sideline user add --email ops@example.org --role operator');
    expect(text).toContain('becomes host-admin of each summit it creates');
  });

  it('names what is wrong with a role, a delegation or a summit', () => {
    const grant = (role: string, delegation?: string) => () => grantOf(role, delegation, 'apec-2017');
    expect(grant('king')).toThrow(/--role "king" is not one of: host-admin, host-staff, delegation-lead/);
    expect(grant('king')).toThrow(/adviser, viewer, operator$/);
    expect(grant('operator')).toThrow('--role operator is held over the platform, in no summit');
    expect(platformGrantOf('operator', {})).toEqual({ kind: 'platform', role: 'operator' });
    expect(platformGrantOf('host-admin', { summit: 'apec-2017' })).toBeUndefined();
    expect(() => platformGrantOf('operator', { delegation: 'usa' })).toThrow('drop --delegation');
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

  // five commands, four of which load the password-strength dictionaries (a second or two each)
  it('refuses mistakes with exit 1 and one clear line, creating nothing', { timeout: 150_000 }, async () => {
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

  it('lists every account with its roles and status, as a table and as JSON', () => {
    sideline(['user', 'add', '--email', 'lee@example.org', '--role', 'host-staff'], `${PASSWORD}\n`);
    const r = sideline(['user', 'list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^email\s+name\s+roles\s+status$/m);
    expect(r.stdout).toMatch(/^lee@example\.org\s+lee\s+host-staff in apec-2017\s+active$/m);
    const json = JSON.parse(sideline(['user', 'list', '--json']).stdout) as {
      users: { email: string; grants: { role: string }[]; disabled: boolean }[];
    };
    expect(json.users.find((u) => u.email === 'lee@example.org')).toMatchObject({
      disabled: false,
      grants: [{ kind: 'host', summit: 'apec-2017', role: 'host-staff' }],
    });
    // --summit keeps those holding a role there: an operator holds none
    const inSummit = sideline(['user', 'list', '--summit', 'apec-2017']).stdout;
    expect(inSummit).toContain('lee@example.org');
    expect(inSummit).not.toMatch(/\boperator\b/);
  });

  it('sets a password from standard input: the old one stops working and sessions end', async () => {
    const NEW = 'a brand new harbour passphrase';
    const cookie = await withStore(
      async (store) =>
        (
          await login(
            createAuthContext(store),
            { email: 'lee@example.org', password: PASSWORD, address: 'cli' },
            new Date(),
          )
        ).cookieValue,
    );
    const r = sideline(['user', 'passwd', 'LEE@example.org'], `${NEW}\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/password set for lee@example\.org/);
    await withStore(async (store) => {
      const ctx = createAuthContext(store);
      expect(await resolveSession(ctx, cookie, new Date())).toBeUndefined();
      await expect(
        login(ctx, { email: 'lee@example.org', password: PASSWORD, address: 'cli' }, new Date()),
      ).rejects.toThrow();
      expect(
        (await login(ctx, { email: 'lee@example.org', password: NEW, address: 'cli' }, new Date()))
          .cookieValue,
      ).toBeTruthy();
    });
    // a weak password, no password, or an unknown account: exit 1, one line, nothing changed
    expect(sideline(['user', 'passwd', 'lee@example.org'], 'short\n')).toMatchObject({ status: 1 });
    expect(sideline(['user', 'passwd', 'lee@example.org'], '').stderr).toMatch(
      /no password on standard input/,
    );
    expect(sideline(['user', 'passwd', 'nobody@example.org'], `${NEW}\n`).stderr).toMatch(
      /no user "nobody@example.org"/,
    );
  });

  it('lists tokens without their secrets and revokes one, which stops authenticating at once', async () => {
    const secret = sideline([
      'token',
      'create',
      '--email',
      'lee@example.org',
      '--name',
      'nightly export',
    ]).stdout.trim();
    const listed = JSON.parse(sideline(['token', 'list', '--email', 'lee@example.org', '--json']).stdout) as {
      tokens: { id: string; name: string; revokedAt: string | null }[];
    };
    expect(JSON.stringify(listed)).not.toContain(secret);
    const token = listed.tokens.find((t) => t.name === 'nightly export');
    expect(token?.revokedAt).toBeNull();
    expect(await withStore((store) => resolveToken(store, secret))).toBeDefined();

    const r = sideline(['token', 'revoke', token!.id, '--email', 'lee@example.org']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/revoked token/);
    expect(await withStore((store) => resolveToken(store, secret))).toBeUndefined();
    expect(sideline(['token', 'list', '--email', 'lee@example.org']).stdout).toMatch(
      /nightly export\s+\S+\s+20\d\d-/,
    );
    // someone else's token id is not found, as if it did not exist
    const other = sideline(['token', 'revoke', token!.id, '--email', 'ana@example.org']);
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/no token/);
  });

  it('refuses a database file that does not exist instead of creating an empty one', () => {
    const missing = join(dir, 'typo.db');
    const r = sideline(['user', 'list'], '', missing);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `sideline: no database at ${missing}: check --db (or SIDELINE_DB); to create one there, run \`sideline init --db ${missing}\` or add --create`,
    );
    expect(existsSync(missing)).toBe(false);
    // init creates it, as does --create
    expect(sideline(['init'], '', missing).status).toBe(0);
    expect(existsSync(missing)).toBe(true);
    const other = join(dir, 'other.db');
    expect(sideline(['user', 'list', '--create'], '', other).status).toBe(0);
    expect(existsSync(other)).toBe(true);
  });
});
