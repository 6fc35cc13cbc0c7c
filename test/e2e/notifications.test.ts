// The notification centre in Debian's Chromium: the US protocol officer has the request open when
// Russia counters a US condition through the API; the page says so in a toast (in names), the bell's
// unread count rises, the centre lists it, and "Mark all read" (on the desktop) or the notice's own
// "Mark read" (on the phone) clears the count. At a desktop and a phone width.
import {
  request as httpClient,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
} from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, newContext, seriousA11yViolations, signIn } from './support/browser.js';
import { ensureWebBuild } from './support/build.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

const SUMMIT = 'apec-2017';
const REQUEST = `/s/${SUMMIT}/requests/usa-rus`;
const API = `/api/summits/${SUMMIT}/requests/usa-rus`;

/** Saves what the window shows (the header, the toast and the panel are all in it) as `name`.png. */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

interface ConditionView {
  id: string;
  text: string;
  status: string;
  version: number;
}

describe('notifications in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let russia: APIRequestContext;
  let csrf: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    // Russia acts through the API, as a ministry's own system would: signed in, with its CSRF token
    russia = await httpClient.newContext({ baseURL: server.url });
    const login = await russia.post('/api/auth/login', {
      data: { email: 'rus-protocol@demo.test', password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await russia?.dispose();
    await browser?.close();
    await server?.stop();
  });

  /** Russia counters the open US condition whose text starts with `start`; returns its text. */
  async function russiaCounters(start: string, kind: string, instead: string): Promise<string> {
    const view = (await (await russia.get(API)).json()) as { conditions: ConditionView[] };
    const c = view.conditions.find((x) => x.text.startsWith(start) && x.status === 'open');
    if (!c) throw new Error(`no open condition "${start}…" on usa-rus`);
    const answer = await russia.post(`${API}/conditions/${c.id}/counter`, {
      headers: { 'if-match': `"${c.version}"`, 'x-csrf-token': csrf },
      data: { kind, text: instead },
    });
    expect(answer.status(), await answer.text()).toBe(200);
    return c.text;
  }

  for (const [width, height, name] of [
    [1280, 800, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    it(`tells the US protocol officer what Russia countered, at ${width} px (${name})`, async () => {
      const context = await newContext(browser, server.url, { width, height });
      contexts.push(context);
      const us = await context.newPage();
      await signIn(us, 'usa-protocol@demo.test', DEMO_PASSWORD);
      await us.goto(REQUEST);
      await us.getByRole('heading', { name: 'Thread' }).waitFor();
      // the event stream is open before Russia acts, so the change arrives live
      await expect
        .poll(() => us.locator('.live').getAttribute('class'), { timeout: 15_000 })
        .toContain('live-live');
      const bell = us.locator('.inbox-button');
      const before = Number(/^(\d+)/u.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 0);

      const countered = await russiaCounters(
        name === 'desktop' ? 'Agreed deliverable on Syria' : 'Agenda to include Ukraine',
        name === 'desktop' ? 'deliverable' : 'agenda',
        name === 'desktop'
          ? 'A joint statement on Syria only'
          : 'Agenda to include Ukraine, North Korea and trade',
      );

      // the page says what changed and by whom, in names, in a polite live region
      const toast = us.getByTestId('toast').filter({ hasText: `Russia countered condition '${countered}'` });
      await toast.waitFor({ timeout: 15_000 });
      expect(await us.locator('.toasts').getAttribute('aria-live')).toBe('polite');
      expect(await toast.textContent()).not.toMatch(/usa-rus|\brus\b|c\d\b/u);
      const after = before + 1;
      await us
        .getByRole('button', { name: `${after} unread notification${after === 1 ? '' : 's'}` })
        .waitFor({ timeout: 15_000 });
      expect(await us.getByTestId('unread-count').textContent()).toBe(String(after));
      await screenshot(us, `notify-${name}-01-toast-and-badge`);

      // the centre opens from the keyboard and lists the notice first, in names and summit time
      await bell.focus();
      await us.keyboard.press('Enter');
      const panel = us.getByRole('dialog', { name: 'Notifications' });
      await panel.waitFor();
      const first = panel.getByTestId('notice').first();
      expect(await first.locator('.inbox-title').textContent()).toBe(
        `Russia countered condition '${countered}'`,
      );
      expect(await first.locator('.inbox-body').textContent()).toContain('United States → Russia');
      expect(await first.locator('.inbox-time').textContent()).toMatch(/GMT\+7$/u);
      expect(await first.textContent()).toContain('Unread');
      expect(await seriousA11yViolations(us)).toEqual([]);
      // nothing scrolls sideways, the open panel included
      expect(await us.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await screenshot(us, `notify-${name}-02-centre-open`);

      if (name === 'desktop') await panel.getByRole('button', { name: 'Mark all read' }).click();
      else
        await first
          .getByRole('button', { name: `Mark read: Russia countered condition '${countered}'` })
          .click();
      await us.getByRole('button', { name: 'No unread notifications' }).waitFor({ timeout: 15_000 });
      expect(await us.getByTestId('unread-count').count()).toBe(0);
      expect(await panel.locator('.inbox-unread').count()).toBe(0);
      expect(await panel.getByRole('button', { name: 'Mark all read' }).isDisabled()).toBe(true);
      // Escape closes the panel; the server holds what was read: a reload still shows none unread
      await us.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      await us.reload();
      await us.getByRole('button', { name: 'No unread notifications' }).waitFor({ timeout: 15_000 });
      await screenshot(us, `notify-${name}-03-all-read`);
    }, 120_000);
  }

  it('keeps the header of a 768 px page from scrolling sideways with the bell in it', async () => {
    const context = await newContext(browser, server.url, { width: 768, height: 900 });
    contexts.push(context);
    const us = await context.newPage();
    await signIn(us, 'usa-protocol@demo.test', DEMO_PASSWORD);
    await us.goto(REQUEST);
    await us.locator('.inbox-button').waitFor();
    // the header itself: what the page under it does is the screens' own business
    const header = us.locator('.app-header');
    expect(await header.evaluate((h) => h.scrollWidth - h.clientWidth)).toBe(0);
    const account = await us.locator('.account-button').boundingBox();
    expect((account?.x ?? 0) + (account?.width ?? 0)).toBeLessThanOrEqual(768);
    await screenshot(us, 'notify-tablet-header');
  }, 60_000);
});
