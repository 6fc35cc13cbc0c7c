// Two people at once, in Debian's Chromium: a change by one appears for the other without a reload
// (server-sent events), and an edit made on a stale version is refused and shown as a conflict with
// the other person's change, which stays as they left it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { ensureWebBuild } from './support/build.js';
import { DEMO_PASSWORD, startServer, type RunningServer } from './support/server.js';

const REQUEST = '/s/apec-2017/requests/usa-rus';
const LINES = '/api/summits/apec-2017/requests/usa-rus/public-lines';

describe('live updates and stale edits, in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function pageFor(account: string, options: { offline?: boolean } = {}): Promise<Page> {
    const context = await newContext(browser, server.url);
    contexts.push(context);
    const page = await context.newPage();
    // a page cut off from the event stream keeps what it read: the stale editor of the test below
    if (options.offline) await page.route('**/api/summits/*/events', (route) => route.abort());
    await signIn(page, `${account}@demo.test`, DEMO_PASSWORD);
    return page;
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

  it("shows another delegation's new thread message without a reload", async () => {
    const ru = await pageFor('rus-protocol');
    const us = await pageFor('usa-protocol');
    await ru.goto(REQUEST);
    await ru.getByRole('heading', { name: 'Thread' }).waitFor();
    await expect.poll(() => ru.locator('.live').textContent(), { timeout: 15_000 }).toContain('Live');

    await us.goto(REQUEST);
    const text = `Proposed venue for the ministers: Furama, ${Date.now()}`;
    await us.getByLabel('Message to the parties').fill(text);
    await us.getByRole('button', { name: 'Post', exact: true }).click();
    await us.getByRole('list', { name: 'Messages' }).getByText(text).waitFor();

    // no reload, no navigation: the Russian page learns of it from the event stream
    await ru.getByRole('list', { name: 'Messages' }).getByText(text).waitFor({ timeout: 15_000 });
    await screenshot(ru, 'live-01-message-arrived');
  }, 120_000);

  it("refuses a stale edit of the public line and shows the other person's change instead", async () => {
    const stale = await pageFor('usa-protocol', { offline: true });
    const lead = await pageFor('usa-lead');

    await stale.goto(REQUEST);
    await stale.getByText('Change our line').click();
    const staleForm = stale.getByTestId('public-lines');
    await staleForm.getByLabel('Line').fill('We look forward to a productive exchange.');

    await lead.goto(REQUEST);
    await lead.getByText('Change our line').click();
    const leadText = 'No meeting is planned; the leaders may speak informally.';
    await lead.getByTestId('public-lines').getByLabel('Line').fill(leadText);
    await lead.getByRole('button', { name: 'Save draft' }).click();
    await lead.getByTestId('public-lines').locator('blockquote', { hasText: leadText }).waitFor();

    await staleForm.getByRole('button', { name: 'Save draft' }).click();
    const conflict = stale.getByRole('alert').filter({ hasText: 'Someone else changed this first' });
    await conflict.waitFor({ timeout: 15_000 });
    await expect.poll(() => conflict.getByRole('row', { name: /Text/ }).textContent()).toContain(leadText);
    expect(await conflict.textContent()).toContain('was not applied');
    expect(await seriousA11yViolations(stale)).toEqual([]);
    await screenshot(stale, 'stale-01-conflict-shown');

    // nothing was overwritten: the lead's words stand, for both of them
    const lines = (await (await lead.request.get(LINES)).json()) as {
      items: { delegation: string; text: string }[];
    };
    expect(lines.items.find((l) => l.delegation === 'usa')?.text).toBe(leadText);
    await stale.getByTestId('public-lines').locator('blockquote', { hasText: leadText }).waitFor();
  }, 120_000);
});
