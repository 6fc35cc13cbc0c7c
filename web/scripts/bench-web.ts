// `npm run bench:web`: how long the host's schedule grid takes to first render at UNGA scale, in
// Debian's Chromium. It generates the UNGA benchmark summit (seed 1, 3,000 requests), lets the engine
// place what it can (bounded time), serves it with the production web build, signs in as the host and
// opens the busiest day's grid several times, reading the app's own performance mark. The numbers go
// to the web section of bench/RESULTS.md (between its markers; the other sections are left as they are).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser } from '../../src/app/auth/users.js';
import { appContext } from '../../src/app/context.js';
import { importSummitFile } from '../../src/app/files/import-summit.js';
import { acceptPlan, proposePlan } from '../../src/app/planning/plan.js';
import type { Actor, RoleGrant } from '../../src/domain/actor/schema.js';
import type { SummitId, UserId } from '../../src/domain/ids.js';
import { buildServer } from '../../src/http/server.js';
import { openStore } from '../../src/store/open.js';
import { generate } from '../../bench/generate/generate.js';
import { launchBrowser } from '../../test/e2e/support/browser.js';
import { ensureWebBuild } from '../../test/e2e/support/build.js';

const RESULTS = fileURLToPath(new URL('../../bench/RESULTS.md', import.meta.url));
const WEB_START = '<!-- web:start -->';
const WEB_END = '<!-- web:end -->';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const PLAN_SECONDS = Number(process.env.BENCH_WEB_PLAN_SECONDS ?? 20);
const PASSWORD = 'bench harbour lantern 3000';
const SYSTEM: Actor = { user: 'bench-web' as UserId, grants: [], system: true };

/** One measured opening of the grid. */
interface Run {
  firstRenderMs: number;
  calendarMs: number;
  rowsRendered: number;
  rowsTotal: number;
  cellsInDom: number;
  blocksDrawn: number;
  switchDayMs: number;
}

/** The position of `day` among the summit's days, counted from its first. */
const dayIndex = (first: string, day: string) =>
  Math.round((Date.parse(day) - Date.parse(first)) / 86_400_000);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`;

/** Replaces a section of the results file (between its markers, the web one's by default), or appends it. */
export function writeSection(path: string, markdown: string, START = WEB_START, END = WEB_END): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const block = `${START}\n${markdown.trim()}\n${END}`;
  const s = previous.indexOf(START);
  const e = previous.indexOf(END);
  const next =
    s >= 0 && e > s
      ? `${previous.slice(0, s)}${block}${previous.slice(e + END.length)}`
      : `${previous.trimEnd()}${previous.trim() ? '\n\n' : ''}${block}\n`;
  writeFileSync(path, next);
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0]!;
  await ensureWebBuild();
  const dir = await mkdtemp(join(tmpdir(), 'sideline-bench-web-'));
  const store = await openStore({ sqlitePath: join(dir, 'unga.db') });
  const ctx = appContext(store);
  try {
    // the instance: the UNGA benchmark summit, placed by the engine as a host would with Plan
    const file = generate('unga', 1);
    const summit = file.summit.id as SummitId;
    await importSummitFile(ctx, SYSTEM, { text: JSON.stringify(file), format: 'json' });
    const planStarted = Date.now();
    const proposal = await proposePlan(ctx, SYSTEM, summit, { timeLimitMs: PLAN_SECONDS * 1000, seed: 1 });
    await acceptPlan(ctx, SYSTEM, summit, proposal.plan);
    const planSeconds = (Date.now() - planStarted) / 1000;
    const meetings = await store.read((tx) => tx.meetings.list(summit));
    const zone = file.summit.timezone;
    const dayOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(iso));
    const perDay = new Map<string, number>();
    for (const m of meetings) perDay.set(dayOf(m.start), (perDay.get(dayOf(m.start)) ?? 0) + 1);
    const [busiest, busiestCount] = [...perDay.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const nextDay = [...perDay.keys()].filter((d) => d !== busiest).sort()[0] ?? busiest;
    const grant: RoleGrant = { kind: 'host', summit, role: 'host-admin' } as RoleGrant;
    await createUser(store, {
      email: 'host@bench.test',
      name: 'Bench host',
      password: PASSWORD,
      grants: [grant],
    });
    console.error(
      `bench:web: ${file.requests.length} requests, ${meetings.length} meetings placed in ${planSeconds.toFixed(1)} s; ` +
        `busiest day ${busiest} (${busiestCount})`,
    );

    const server = await buildServer({ store, rateLimits: false });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    const browser = await launchBrowser();
    const runs: Run[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const login = await page.request.post('/api/auth/login', {
          data: { email: 'host@bench.test', password: PASSWORD },
        });
        if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
        await page.goto(`/s/${summit}/schedule?day=${busiest}`);
        await page.waitForFunction(
          () => performance.getEntriesByName('sideline:grid-rendered').length > 0,
          null,
          {
            timeout: 120_000,
          },
        );
        const measured = (await page.evaluate(`(() => {
          const mark = performance.getEntriesByName('sideline:grid-rendered')[0];
          const calendar = performance.getEntriesByType('resource').filter((r) => r.name.includes('/meetings?'));
          const grid = document.querySelector('[role="grid"]');
          const first = calendar.length ? Math.min(...calendar.map((r) => r.startTime)) : 0;
          const last = calendar.length ? Math.max(...calendar.map((r) => r.responseEnd)) : 0;
          return {
            firstRenderMs: mark.startTime,
            calendarMs: last - first,
            rowsRendered: grid.querySelectorAll('[role="row"]').length - 1,
            rowsTotal: Number(grid.getAttribute('aria-rowcount')) - 1,
            cellsInDom: grid.querySelectorAll('[role="gridcell"]').length,
            blocksDrawn: grid.querySelectorAll('.tgrid-block').length,
          };
        })()`)) as Omit<Run, 'switchDayMs'>;
        // switching to another day: from the press to that day's grid on screen
        const t0 = (await page.evaluate('performance.now()')) as number;
        await page
          .locator('.day-picker [role="radio"]')
          .nth(dayIndex(file.summit.days.from, nextDay))
          .click();
        await page.locator(`[role="grid"][aria-label$="${nextDay}"]`).waitFor({ timeout: 120_000 });
        const t1 = (await page.evaluate('performance.now()')) as number;
        runs.push({ ...measured, switchDayMs: t1 - t0 });
        console.error(`bench:web: run ${i + 1}: first grid render ${ms(measured.firstRenderMs)}`);
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }

    const first = runs.map((r) => r.firstRenderMs);
    const lines = [
      '## Web app: time to first grid render',
      '',
      `Written by \`npm run bench:web\` on ${new Date().toISOString().slice(0, 10)}, ${Math.round((Date.now() - started) / 1000)} s in all.`,
      `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB;`,
      `Node.js ${process.version}; one-minute load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`,
      '(the machine is shared: a load above the number of cores makes every time longer).',
      '',
      `- Instance: the UNGA benchmark summit (\`bench/generate\`, seed 1): ${file.requests.length} requests, ` +
        `${file.rooms.length} rooms; the engine placed ${meetings.length} meetings in ${planSeconds.toFixed(1)} s, as Plan would.`,
      `- Screen: the host's schedule by room for the busiest day, ${busiest} (${busiestCount} meetings), at 1280×800 in Debian's Chromium (headless),`,
      '  production build served by the API server on loopback, SQLite store. A fresh browser profile per run (cold cache).',
      "- Time to first grid render: from navigation start to the app's `sideline:grid-rendered` performance mark, set when",
      "  the grid first renders with its rows and that day's meetings (sign-in, summit, rooms and the day's calendar pages loaded).",
      "- Day switch: from pressing another day to that day's grid on screen.",
      '',
      '| run | time to first grid render | calendar requests | rows rendered / total | grid cells in DOM | blocks drawn | day switch |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...runs.map(
        (r, i) =>
          `| ${i + 1} | ${ms(r.firstRenderMs)} | ${ms(r.calendarMs)} | ${r.rowsRendered} / ${r.rowsTotal} | ${r.cellsInDom} | ${r.blocksDrawn} | ${ms(r.switchDayMs)} |`,
      ),
      '',
      `Median time to first grid render: **${ms(median(first))}** (min ${ms(Math.min(...first))}, max ${ms(Math.max(...first))}); ` +
        `median day switch ${ms(median(runs.map((r) => r.switchDayMs)))}.`,
      'Rows are virtualised: only those on screen (plus a few) are in the DOM, whatever the number of rooms.',
    ];
    writeSection(RESULTS, lines.join('\n'));
    console.error(`bench:web: wrote the web section of ${RESULTS}`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
}
