// The life of one meeting, driven through the web app in Debian's Chromium against a real server on a
// temporary SQLite database with the APEC 2017 demo: a US protocol officer asks Russia for a meeting
// with a condition, Russia accepts both (each answer waits a few seconds with Undo), the host places
// it (a drag onto a taken slot is refused where it was dropped, in words, with the nearest free
// slots; taking one moves it, and Z takes the move back), both sides confirm, and the meeting is in
// both delegations' calendar feeds under the title the app gives it.
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it as vitestIt, onTestFailed } from 'vitest';
import { launchBrowser, newContext, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { ensureWebBuild } from './support/build.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

const SUMMIT = 'apec-2017';
const STEP = 120_000;

/** The signed-in pages, for screenshots when a step fails. */
const pages: Record<string, Page> = {};

// Each step builds on the one before: after a failure the rest stop at once, naming the cause.
let failed: string | null = null;
const it = (name: string, fn: () => Promise<void>, timeout: number) =>
  vitestIt(
    name,
    async () => {
      if (failed) throw new Error(`not run: the earlier step "${failed}" failed`);
      onTestFailed(async () => {
        failed ??= name;
        // what each user saw when the step failed, kept with the other artefacts
        for (const [who, page] of Object.entries(pages))
          await screenshot(page, `flow-failed-${who}`).catch(() => undefined);
      });
      await fn();
    },
    timeout,
  );

describe('a meeting from request to calendar feed, in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let us: Page;
  let ru: Page;
  let host: Page;
  let requestId = '';

  /** A signed-in page for a demo account, in its own browser profile and time zone. */
  async function pageFor(account: string, timezoneId: string): Promise<Page> {
    const context = await newContext(browser, server.url, { timezoneId });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, `${account}@demo.test`, DEMO_PASSWORD);
    return page;
  }

  /** The request as the API shows it to `page`'s user. */
  async function requestView(page: Page): Promise<{
    request: { status: string };
    meeting: { start: string; room: string | null; end: string } | null;
  }> {
    const r = await page.request.get(`/api/summits/${SUMMIT}/requests/${requestId}`);
    expect(r.status()).toBe(200);
    return r.json();
  }

  const status = (page: Page, text: string) =>
    page.locator('.page-head .badge').filter({ hasText: new RegExp(`^${text}$`) });

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    us = await pageFor('usa-protocol', 'America/New_York');
    ru = await pageFor('rus-protocol', 'Europe/Moscow');
    host = await pageFor('host-admin', 'Asia/Ho_Chi_Minh');
    Object.assign(pages, { us, ru, host });
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it(
    'a US protocol officer requests a meeting with a condition',
    async () => {
      await us.goto(`/s/${SUMMIT}/requests/new`);
      await us.getByRole('combobox', { name: 'Ask' }).fill('Russ');
      await us.getByRole('option', { name: 'Russia' }).click();
      await us.getByRole('button', { name: /Level/ }).click();
      await us.getByRole('option', { name: 'Ministers' }).click();
      await us.getByLabel('Length (minutes)').fill('30');
      await us.getByLabel('Topics').fill('dprk, sanctions');
      await us.locator('label', { hasText: 'Rex Tillerson' }).click();
      await us.locator('label', { hasText: 'Sergey Lavrov' }).click();
      await us.getByRole('button', { name: 'Add a condition' }).click();
      await us
        .getByLabel('Condition 1', { exact: true })
        .fill('Agenda to include enforcement of DPRK sanctions');
      expect(await seriousA11yViolations(us)).toEqual([]);
      await screenshot(us, 'flow-01-new-request');
      await us.getByRole('button', { name: 'Send request' }).click();
      // the US already has open requests with Russia: asked once, it is sent anyway
      const ask = us.getByRole('alertdialog', { name: 'Send despite these warnings?' });
      expect(await ask.textContent()).toContain('An open request with the same parties exists');
      await ask.getByRole('button', { name: 'Send anyway' }).click();
      await us.waitForURL((url) => /\/requests\/(?!new$)[^/]+$/.test(url.pathname));
      requestId = decodeURIComponent(new URL(us.url()).pathname.split('/').pop() ?? '');
      await expect.poll(() => status(us, 'Conditions pending').count()).toBe(1);
      await expect
        .poll(() => us.getByText('Agenda to include enforcement of DPRK sanctions').count())
        .toBeGreaterThan(0);
      expect((await requestView(us)).request.status).toBe('conditions-pending');
      await screenshot(us, 'flow-02-requested');
    },
    STEP,
  );

  it(
    'the Russian delegation accepts the condition, then the request',
    async () => {
      await ru.goto(`/s/${SUMMIT}/requests/${requestId}`);
      const condition = ru.getByRole('listitem', { name: /DPRK sanctions/ });
      await condition.getByRole('button', { name: 'Accept condition' }).click();
      // the answer waits with Undo before it reaches the US side, then goes
      await ru.getByTestId('toast').filter({ hasText: 'Accepting the condition' }).waitFor();
      await expect
        .poll(() => condition.locator('.badge', { hasText: 'Accepted' }).count(), { timeout: 15_000 })
        .toBe(1);
      await ru.getByRole('button', { name: 'Accept request' }).click();
      await expect.poll(() => status(ru, 'Agreed').count(), { timeout: 15_000 }).toBe(1);
      expect((await requestView(ru)).request.status).toBe('agreed');
      await screenshot(ru, 'flow-03-agreed');
    },
    STEP,
  );

  it(
    'the host places it from a suggested slot',
    async () => {
      await host.goto(`/s/${SUMMIT}/requests/${requestId}`);
      await host.getByRole('button', { name: 'Suggest slots' }).click();
      await host.getByRole('button', { name: 'Use this slot' }).first().click();
      await expect.poll(() => status(host, 'Scheduled').count()).toBe(1);
      const view = await requestView(host);
      expect(view.request.status).toBe('scheduled');
      expect(view.meeting).not.toBeNull();
      await screenshot(host, 'flow-04-scheduled');
    },
    STEP,
  );

  it(
    'a drag onto a taken slot is refused with the rule it breaks named',
    async () => {
      const before = (await requestView(host)).meeting!;
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
        new Date(before.start),
      );
      await host.goto(`/s/${SUMMIT}/schedule?day=${day}`);
      const ours = host.locator(`.tgrid-block[data-request="${requestId}"]`);
      await ours.waitFor();
      // another meeting in a room that day: dropping ours on its start takes its room at its time
      const others = host
        .locator('.tgrid-row')
        .filter({ hasNot: host.getByRole('rowheader', { name: /^No room/ }) })
        .locator(`.tgrid-block.meeting:not([data-request="${requestId}"])`);
      expect(await others.count(), 'another meeting in a room on the same day').toBeGreaterThan(0);
      const target = others.first();
      await target.scrollIntoViewIfNeeded();
      await ours.scrollIntoViewIfNeeded();
      const from = (await ours.boundingBox())!;
      await host.mouse.move(from.x + 4, from.y + from.height / 2);
      await host.mouse.down();
      const to = (await target.boundingBox())!;
      await host.mouse.move(from.x + 20, from.y + from.height / 2, { steps: 3 });
      await host.mouse.move(to.x + 4, to.y + to.height / 2, { steps: 8 });
      // the live check says what is in the way on the meeting being moved, as it is held there
      const ghost = host.getByTestId('drag-ghost');
      await expect.poll(() => ghost.textContent(), { timeout: 10_000 }).toMatch(/✗.*(busy|taken)/);
      await screenshot(host, 'flow-05-drag-conflict');
      await host.mouse.up();
      // where it was dropped: the conflict in words, and the nearest free slots to take instead
      const refusal = host.getByTestId('drop-conflict');
      await refusal.waitFor({ timeout: 10_000 });
      const words = (await refusal.textContent()) ?? '';
      expect(words).toMatch(/is taken then|is already busy then|cannot get there in time/);
      expect(words).not.toMatch(/room-exclusive|person-overlap|person-travel|ariyana-|usa-|rus-/);
      const box = (await refusal.boundingBox())!;
      const viewport = host.viewportSize()!;
      expect(box.y + box.height, 'the refusal is on screen').toBeLessThanOrEqual(viewport.height);
      expect(Math.abs(box.y - (await ours.boundingBox())!.y) < viewport.height, 'near the drop').toBe(true);
      const nearest = refusal.getByRole('button', { name: /^Move to / });
      await nearest.first().waitFor({ timeout: 15_000 });
      expect(await seriousA11yViolations(host)).toEqual([]);
      await screenshot(host, 'flow-06-drag-refused');
      expect((await requestView(host)).meeting).toEqual(before);
      // take the nearest free slot: it moves, and a toast offers Undo
      await nearest.first().click();
      const toast = host
        .getByTestId('toast')
        .filter({ hasText: /^Moved Bilateral meeting: United States – Russia/ });
      await toast.waitFor({ timeout: 15_000 });
      await expect.poll(async () => (await requestView(host)).meeting?.start).not.toBe(before.start);
      await screenshot(host, 'flow-06b-moved-with-undo');
      // one key takes it back
      await host.keyboard.press('z');
      await expect
        .poll(async () => (await requestView(host)).meeting, { timeout: 15_000 })
        .toMatchObject({
          start: before.start,
          room: before.room,
        });
      await host.getByTestId('toast').filter({ hasText: 'is back at' }).waitFor();
    },
    STEP,
  );

  it(
    'both sides confirm the slot',
    async () => {
      for (const page of [us, ru]) {
        await page.goto(`/s/${SUMMIT}/requests/${requestId}`);
        await page.getByRole('button', { name: 'Confirm this slot' }).click();
        await expect
          .poll(() => page.getByRole('button', { name: 'Confirm this slot' }).count(), { timeout: 15_000 })
          .toBe(0);
      }
      await expect.poll(async () => (await requestView(us)).request.status).toBe('confirmed');
      await ru.reload();
      await expect.poll(() => status(ru, 'Confirmed').count()).toBe(1);
      await screenshot(ru, 'flow-07-confirmed');
    },
    STEP,
  );

  it(
    "the meeting is in both delegations' iCalendar feeds",
    async () => {
      const meeting = (await requestView(us)).meeting!;
      for (const [page, person, name] of [
        [us, 'Rex Tillerson', 'us'],
        [ru, 'Sergey Lavrov', 'ru'],
      ] as const) {
        await page.goto(`/s/${SUMMIT}/exports`);
        const row = page.getByRole('row', { name: new RegExp(person) });
        await row.getByRole('button', { name: /calendar link/ }).click();
        const url = await row.getByTestId('ical-url').inputValue();
        expect(url).toMatch(/\/ical\/[^/]+\.ics$/);
        await screenshot(page, `flow-08-feed-${name}`);
        const feed = await fetch(url);
        expect(feed.status).toBe(200);
        expect(feed.headers.get('content-type')).toContain('text/calendar');
        const calendar = new ICAL.Component(ICAL.parse(await feed.text()) as unknown[]);
        const event = calendar
          .getAllSubcomponents('vevent')
          .find((e) => String(e.getFirstPropertyValue('uid')).startsWith(`meeting-${requestId}.`));
        expect(event, `the meeting in ${person}'s feed`).toBeDefined();
        const start = event!.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time>;
        expect(start.toJSDate().toISOString()).toBe(new Date(meeting.start).toISOString());
        expect(event!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Ho_Chi_Minh');
        // the feed and the app call the meeting the same
        expect(event!.getFirstPropertyValue('summary')).toBe('Bilateral meeting: United States – Russia');
      }
    },
    STEP,
  );

  it(
    'a Russian user sees neither the US deliberation on usa-rus nor its public-line draft, in the page or over the API',
    async () => {
      const secrets = [
        'Worth the cost of awkward optics',
        'Russia experts, National Security Council',
        'There was never a meeting confirmed',
      ];
      // the US side sees them: the check below is about Russia, not an empty page
      await us.goto(`/s/${SUMMIT}/requests/usa-rus`);
      await us.getByTestId('deliberation').getByText('Worth the cost of awkward optics').waitFor();
      await us
        .getByTestId('public-lines')
        .getByRole('blockquote')
        .filter({ hasText: 'There was never a meeting confirmed' })
        .waitFor();

      await ru.goto(`/s/${SUMMIT}/requests/usa-rus`);
      await ru.getByRole('heading', { name: 'The request' }).waitFor();
      await ru
        .getByTestId('public-lines')
        .getByRole('heading', { name: 'Published by other parties' })
        .waitFor();
      await expect.poll(() => ru.locator('.state-loading').count()).toBe(0);
      const page = await ru.locator('body').innerText();
      for (const s of secrets) expect(page).not.toContain(s);
      await expect.poll(() => ru.getByTestId('deliberation').innerText()).toContain('Private to Russia');
      await screenshot(ru, 'flow-09-russia-on-usa-rus');

      const base = `/api/summits/${SUMMIT}/requests/usa-rus`;
      const usDeliberation = await ru.request.get(`${base}/deliberation?delegation=usa`);
      expect([403, 404]).toContain(usDeliberation.status());
      for (const path of ['/deliberation', '/public-lines', '/history', '/thread', '']) {
        const r = await ru.request.get(`${base}${path}`);
        expect(r.status(), path).toBe(200);
        const body = await r.text();
        for (const s of secrets) expect(body, `${path} leaks "${s}"`).not.toContain(s);
      }
      const lines = (await (await ru.request.get(`${base}/public-lines`)).json()) as {
        items: { delegation: string; published: boolean }[];
      };
      expect(lines.items.filter((l) => l.delegation === 'usa' && !l.published)).toEqual([]);
    },
    STEP,
  );
});
