import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBrowserStack, type BrowserStack } from '../support/browser.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
});
afterAll(() => stack?.close());

test('the landing page is served with the strict CSP and has no serious accessibility problems', async () => {
  const page = await stack.newPage();
  const response = await page.goto(stack.url + '/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.title()).resolves.toContain('Góp Ý');
});
