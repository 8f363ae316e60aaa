/**
 * Browser tests against the real local stack: the built pages (kiosk/dist, rebuilt when older than
 * their sources), an in-memory dynalite with the demo catalog, the real HTTP server on a free port,
 * and Debian's Chromium driven by playwright-core (never a downloaded browser).
 *
 *   const stack = await startBrowserStack();        // once per file (beforeAll)
 *   const page = await stack.newPage();             // fresh context per test: no shared storage
 *   await page.goto(stack.url + '/kiosk?counter=stp-quay-02');
 *   expect(await seriousA11yViolations(page)).toEqual([]);
 *   await stack.close();                            // afterAll
 */
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ensurePagesBuilt } from '#local/pages';
import { startTestApi, type TestApi } from './api.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export type BrowserStack = {
  /** Base URL of the local server, e.g. http://localhost:41234 */
  url: string;
  api: TestApi;
  browser: Browser;
  /** A page in a new context (own storage, IndexedDB, cookies); closed by `close()`. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  close: () => Promise<void>;
};

/** Options are passed to `startTestApi` (e.g. `authenticate`, `mounts`, `seedHistory`). */
export async function startBrowserStack(options: Parameters<typeof startTestApi>[0] = {}): Promise<BrowserStack> {
  await ensurePagesBuilt({ quiet: true });
  const [api, browser] = await Promise.all([startTestApi(options), launchChromium()]);
  const contexts: BrowserContext[] = [];
  return {
    url: api.url,
    api,
    browser,
    async newPage(contextOptions = {}) {
      const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...contextOptions });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser.close();
      await api.close();
    },
  };
}

let axeSource: Promise<string> | undefined;

export type A11yViolation = { id: string; impact: string; help: string; targets: string[] };

/**
 * Runs axe-core in the page (WCAG 2.x A/AA rules) and returns the serious and critical violations.
 * Evaluated through the DevTools protocol, so the pages' strict CSP needs no exception.
 */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  axeSource ??= readFile('node_modules/axe-core/axe.min.js', 'utf8');
  await page.evaluate(await axeSource);
  const violations: A11yViolation[] = await page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Signs a demo official in to the inbox through the local OpenID provider's form (stack started with `auth: true`). */
export async function signInOfficial(stack: BrowserStack, page: Page, username: string, path = '/inbox'): Promise<void> {
  const official = stack.api.oidc!.officials.find((o) => o.username === username)!;
  await page.goto(stack.url + path);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Tên đăng nhập').fill(official.username);
  await page.getByLabel('Mật khẩu').fill(official.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // The header names the official by their `name` claim (their display name), not the login name.
  await page.getByText(`Cán bộ: ${official.name}`).waitFor();
}
