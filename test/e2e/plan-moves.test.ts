// The Plan panel's choice between keeping the schedule and re-optimising it, walked in Chromium as
// the APEC 2017 demo's host admin: the move limit goes to the server with the job, and the proposal
// says how many meetings already on the calendar it moves, under which limit, against its bound.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { ensureWebBuild } from './support/build.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

const S = '/s/apec-2017';
const STEP = 180_000;

describe('keep the schedule or re-optimise, in the Plan panel', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server.url, {
      width: 1280,
      height: 900,
      timezoneId: 'America/New_York',
    });
    page = await context.newPage();
    await signIn(page, 'host-admin@demo.test', DEMO_PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  /** Plans with the panel as it is set, and returns the settings the server stored with the job. */
  async function plan(): Promise<{ mode: string | null; maxMoves: number | 'all' | null }> {
    const started = page.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/plans$/.test(new URL(r.url()).pathname),
    );
    await page.getByRole('button', { name: 'Plan', exact: true }).click();
    const job = (await (await started).json()) as {
      settings: { mode: string | null; maxMoves: number | 'all' | null };
    };
    await page.getByTestId('plan-diff').waitFor({ timeout: 90_000 });
    return job.settings;
  }

  async function discard(): Promise<void> {
    await page.getByRole('button', { name: 'Discard' }).click();
    await page
      .getByRole('alertdialog', { name: 'Discard this proposal?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await page.getByTestId('plan-diff').waitFor({ state: 'detached' });
  }

  it(
    'keeps the schedule within the limit asked for, and re-optimises without one, saying how many meetings move',
    async () => {
      await page.goto(`${S}/schedule?day=2017-11-10`);
      await page.getByLabel('Time limit (seconds)').fill('2');
      // empty until asked: the summit's own limit applies
      expect(await page.getByLabel('Most meetings to move').inputValue()).toBe('');
      // keep the schedule: not one meeting that still fits may move
      await page.getByLabel('Most meetings to move').fill('0');
      const kept = await plan();
      expect(kept).toMatchObject({ mode: null, maxMoves: 0 });
      const keptText = await page.getByTestId('plan-moves').innerText();
      expect(keptText).toMatch(
        /^It moves 0 meetings already on the calendar \(at most 0: the schedule is kept\)/,
      );
      expect(await page.getByTestId('plan-quality').innerText()).toMatch(
        /places \d+ priority points( of at most \d+ possible: within \d+(\.\d)? % of the best plan there can be)?/,
      );
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'plan-keep-schedule');
      await discard();

      // re-optimise: the limit does not apply, and the proposal says so
      await page.getByRole('button', { name: /Meetings on the calendar/ }).click();
      await page.getByRole('option', { name: 'Re-optimise' }).click();
      expect(await page.getByLabel('Most meetings to move').isDisabled()).toBe(true);
      const reoptimised = await plan();
      expect(reoptimised).toMatchObject({ mode: 're-optimise', maxMoves: null });
      const text = await page.getByTestId('plan-moves').innerText();
      expect(text).toMatch(/^It moves \d+ meetings? already on the calendar \(no limit: re-optimised\)/);
      // the moves are named, never by id
      expect(text).not.toMatch(/usa-rus|png-usa/);
      await screenshot(page, 'plan-re-optimise');
      await discard();
    },
    2 * STEP,
  );
});
