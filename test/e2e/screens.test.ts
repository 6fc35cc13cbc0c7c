// Every screen of the web app, as each kind of user sees it, at 1280×800 and at 768 wide: it loads,
// axe-core finds no serious or critical accessibility violation, and a screenshot is kept. Also: the
// schedule grid is operable from the keyboard, and a broken summit file's errors are listed by path.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  signIn,
} from './support/browser.js';
import { ensureWebBuild } from './support/build.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

const S = '/s/apec-2017';

interface Screen {
  name: string;
  path: string;
  /** Resolves once the screen shows its content. */
  ready(page: Page): Promise<unknown>;
  /** Something to do on the screen before it is judged (open a tab, pick a pair). */
  act?(page: Page): Promise<unknown>;
}

const h1 = (name: string | RegExp) => (page: Page) =>
  page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 20_000 });

const SCREENS: Record<string, Screen[]> = {
  'usa-protocol': [
    { name: 'summits', path: '/summits', ready: h1('Your summits') },
    { name: 'today', path: `${S}/today`, ready: h1('Today') },
    { name: 'requests-board', path: `${S}/requests`, ready: h1('Requests') },
    {
      name: 'requests-list',
      path: `${S}/requests?level=leaders`,
      ready: h1('Requests'),
      act: (p) =>
        p
          .getByRole('radio', { name: 'List' })
          .or(p.getByRole('button', { name: 'List' }))
          .first()
          .click(),
    },
    { name: 'new-request', path: `${S}/requests/new`, ready: h1('New request') },
    { name: 'request-usa-rus', path: `${S}/requests/usa-rus`, ready: h1('United States → Russia') },
    {
      name: 'schedule-by-person',
      path: `${S}/schedule?day=2017-11-10`,
      ready: (p) => p.getByRole('grid').waitFor(),
    },
    {
      name: 'encounters',
      path: `${S}/encounters`,
      ready: h1('Encounters'),
      act: async (p) => {
        await p.getByRole('button', { name: /And/ }).click();
        await p.getByRole('option', { name: 'Russia' }).click();
        await p.locator('.card-list, .state-empty').first().waitFor();
      },
    },
    { name: 'calendars-and-print', path: `${S}/exports`, ready: h1('Calendars & print') },
    { name: 'print-card', path: `${S}/print/usa-potus/2017-11-10`, ready: h1(/Donald J\. Trump/) },
  ],
  'rus-protocol': [
    { name: 'today', path: `${S}/today`, ready: h1('Today') },
    { name: 'request-usa-rus', path: `${S}/requests/usa-rus`, ready: h1('United States → Russia') },
  ],
  'host-admin': [
    {
      name: 'schedule-by-room',
      path: `${S}/schedule?day=2017-11-10`,
      ready: (p) => p.getByRole('grid').waitFor(),
    },
    { name: 'requests-board', path: `${S}/requests`, ready: h1('Requests') },
    { name: 'request-usa-jpn-kor', path: `${S}/requests/usa-jpn-kor`, ready: h1(/United States → Japan/) },
    { name: 'utilisation', path: `${S}/host`, ready: h1('Venues & rooms') },
    {
      name: 'rooms',
      path: `${S}/host`,
      ready: h1('Venues & rooms'),
      act: (p) => p.getByRole('tab', { name: 'Rooms' }).click(),
    },
    {
      name: 'programme',
      path: `${S}/host`,
      ready: h1('Venues & rooms'),
      act: (p) => p.getByRole('tab', { name: 'Programme' }).click(),
    },
    { name: 'import-export', path: `${S}/host/files`, ready: h1('Import & export') },
  ],
};

describe('every screen, at two widths, accessible', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const signedIn = new Map<string, Page>();

  /** A page signed in as `account` (one sign-in per account: sign-ins are rate-limited per address). */
  async function pageFor(account: string | null): Promise<Page> {
    const known = account ? signedIn.get(account) : undefined;
    if (known) return known;
    const context = await newContext(browser, server.url, { timezoneId: 'America/New_York' });
    contexts.push(context);
    const page = await context.newPage();
    if (account) {
      await signIn(page, `${account}@demo.test`, DEMO_PASSWORD);
      signedIn.set(account, page);
    }
    return page;
  }

  /**
   * Shows the screen, then judges it at each width (resizing the same page, as a window would be):
   * axe-core, no sideways page scroll, a screenshot. One load per screen keeps the run well inside
   * the server's per-address rate limit.
   */
  async function judge(page: Page, who: string, screen: Screen): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(screen.path);
    await screen.ready(page);
    await screen.act?.(page);
    for (const [width, height] of [
      [1280, 800],
      [768, 1024],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect.poll(() => page.locator('.state-loading').count(), { timeout: 20_000 }).toBe(0);
      expect(await page.locator('.state-error').count(), `${who} ${screen.name}: an error state`).toBe(0);
      const found = await seriousA11yViolations(page);
      expect(found, `${who} ${screen.name} at ${width}`).toEqual([]);
      // nothing may force the page itself to scroll sideways (wide grids and tables scroll inside)
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow, `${who} ${screen.name} at ${width}: page wider than the window`).toBeLessThanOrEqual(
        0,
      );
      await screenshot(page, `screen-${who}-${screen.name}-${width}`);
    }
  }

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('the sign-in screen', async () => {
    const page = await pageFor(null);
    await judge(page, 'anonymous', { name: 'sign-in', path: '/signin', ready: h1('Sign in') });
    // a wrong password is refused in words, and nothing else happens
    await page.getByLabel('Email').fill('usa-protocol@demo.test');
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    await screenshot(page, 'screen-anonymous-sign-in-refused');
  }, 120_000);

  for (const [who, screens] of Object.entries(SCREENS)) {
    it(`${who}: ${screens.map((s) => s.name).join(', ')}`, async () => {
      const page = await pageFor(who);
      for (const screen of screens) await judge(page, who, screen);
    }, 300_000);
  }

  it("the daily card prints on its own, as a PDF through the browser's print", async () => {
    const page = await pageFor('usa-protocol');
    await page.goto(`${S}/print/usa-potus/2017-11-10`);
    await h1(/Donald J\. Trump/)(page);
    await page.emulateMedia({ media: 'print' });
    // the print style sheet leaves the card alone on the page: no app frame, no buttons
    expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
    expect(await page.getByRole('table').isVisible()).toBe(true);
    await screenshot(page, 'screen-usa-protocol-print-card-print-media');
    const pdf = await page.pdf({ path: `${ARTIFACTS}/print-card-usa-potus-2017-11-10.pdf`, format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  }, 120_000);

  it('the schedule grid is operable from the keyboard', async () => {
    const page = await pageFor('host-admin');
    await page.goto(`${S}/schedule?day=2017-11-10`);
    const grid = page.getByRole('grid');
    await grid.waitFor();
    expect(await grid.getAttribute('aria-rowcount')).toMatch(/^\d+$/);
    // Tab reaches the grid's one tabbable cell; arrows move focus between cells
    const first = grid.locator('[role="gridcell"][tabindex="0"]');
    await first.focus();
    const before = await page.evaluate('document.activeElement.dataset.cell');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const after = await page.evaluate('document.activeElement.dataset.cell');
    expect(after).not.toBe(before);
    expect(await page.evaluate('document.activeElement.getAttribute("role")')).toBe('gridcell');
    // a movable meeting's cell: Enter picks it up, arrows move it with a live check, Escape cancels
    const title = 'Multilateral meeting: United States – Japan – Republic of Korea';
    const cell = grid.locator(`[role="gridcell"][aria-label*="${title} (meeting"]`).first();
    await cell.focus();
    await page.keyboard.press('Enter');
    const status = page.getByTestId('drag-status');
    await expect.poll(() => status.textContent()).toContain(`Picked up ${title}`);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/no conflict|would break|Moving/);
    await screenshot(page, 'screen-host-admin-grid-keyboard-move');
    await page.keyboard.press('Escape');
    await expect.poll(() => status.textContent()).toMatch(/Move cancelled/);
  }, 120_000);

  it('an import of a broken summit file lists every error with its path and changes nothing', async () => {
    const page = await pageFor('host-admin');
    await page.goto(`${S}/host/files`);
    const broken = [
      'summit:',
      '  id: apec-2017',
      "  name: APEC Economic Leaders' Week 2017",
      '  timezone: Mars/Olympus_Mons',
      '  days: {from: 2017-11-08, to: 2017-11-11}',
      "  dayWindow: {from: '07:00', to: '23:00'}",
      '  grainMinutes: 15',
      '  bufferMinutes: 5',
      'venues:',
      '  - {id: ariyana, name: Ariyana Convention Centre}',
      'rooms:',
      '  - {id: r1, venue: nowhere, name: Room One, capacity: 0}',
    ].join('\n');
    await page.getByLabel('File contents').fill(broken);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // an import replaces the summit: it is confirmed first
    await page.getByRole('alertdialog').getByRole('button', { name: 'Import', exact: true }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor({ timeout: 20_000 });
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('Nothing was imported');
    expect(text).toMatch(/summit\.timezone/);
    expect(text).toMatch(/rooms\[0\]\./);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'screen-host-admin-import-errors');
    // nothing changed: the summit keeps its zone
    const summit = (await (await page.request.get('/api/summits/apec-2017')).json()) as { timezone: string };
    expect(summit.timezone).toBe('Asia/Ho_Chi_Minh');
  }, 120_000);

  it('Plan runs the engine with progress, shows the proposal as a diff, and accepting it fills the calendar', async () => {
    const page = await pageFor('host-admin');
    const count = async () =>
      (
        (await (await page.request.get('/api/summits/apec-2017/meetings?limit=200')).json()) as {
          items: { kind: string }[];
        }
      ).items.filter((e) => e.kind === 'meeting').length;
    const before = await count();
    await page.goto(`${S}/schedule?day=2017-11-10`);
    await page.getByLabel('Time limit (seconds)').fill('2');
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Planning progress' }).waitFor();
    const diff = page.getByTestId('plan-diff');
    await diff.waitFor({ timeout: 90_000 });
    const summary = (await diff.textContent()) ?? '';
    expect(summary).toMatch(/\d+ placed · \d+ moved · \d+ taken off · \d+ not placed/);
    const placed = Number(/(\d+) placed/.exec(summary)?.[1]);
    const removed = Number(/(\d+) taken off/.exec(summary)?.[1]);
    expect(placed).toBeGreaterThan(0);
    // every request the plan leaves out comes with its reason
    const reasons = await diff.locator('summary', { hasText: 'Not placed' }).count();
    if (reasons) expect(await diff.locator('.diff-list li').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'screen-host-admin-plan-proposal');
    await page.getByRole('button', { name: 'Accept the plan' }).click();
    // accepting tells every party of a changed meeting: it is confirmed first
    await page.getByRole('alertdialog').getByRole('button', { name: 'Accept the plan' }).click();
    await page.getByText('Accepted: the calendar now shows the plan').waitFor({ timeout: 30_000 });
    await expect.poll(count, { timeout: 15_000 }).toBe(before + placed - removed);
    await screenshot(page, 'screen-host-admin-plan-accepted');
  }, 180_000);
});
