// Debian's Chromium driven by playwright-core, with screenshots and accessibility checks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type {} from '../../support/provided.js';
import { ROOT } from './server.js';

/** Where screenshots are kept (git-ignored; CI keeps them as artefacts). */
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');

/** How Chromium is started: the Debian package, never a downloaded browser. */
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};

/** Starts the test run's one Chromium (test/global-setup.ts), for the browser tests to connect to. */
export function startChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH);
}

/**
 * A browser for one test file: a connection to the run's Chromium when there is one (each file's
 * contexts are its own; closing the connection leaves Chromium to the other files), else a Chromium
 * of its own (outside a test run: `npm run bench:web`).
 */
export function launchBrowser(): Promise<Browser> {
  const ws = process.env.VITEST ? inject('chromiumWs') : '';
  return ws ? chromium.connect(ws) : chromium.launch(LAUNCH);
}

/** A fresh browser profile at the given window size and time zone (the viewer's own). */
export function newContext(
  browser: Browser,
  baseURL: string,
  options: { width?: number; height?: number; timezoneId?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    timezoneId: options.timezoneId ?? 'Europe/London',
    locale: 'en-GB',
    reducedMotion: 'reduce',
  });
}

/** Saves a full-page screenshot named `name` under test-artifacts/e2e. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** One accessibility finding that matters: its rule, impact and where. */
export interface A11yFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical axe-core violations on the page as it stands (WCAG 2.1 A and AA rules). */
export async function seriousA11yViolations(page: Page): Promise<A11yFinding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/** Signs in through the sign-in form and waits for the app to leave it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 15_000 });
}
