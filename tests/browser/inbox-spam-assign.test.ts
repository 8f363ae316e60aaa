/**
 * Spam asks first in a modal dialog the keyboard can answer, and can be undone; assignment is a
 * choice among the department's officials, shown by name.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signInOfficial, startBrowserStack, seriousA11yViolations, type BrowserStack } from '../support/browser.ts';
import { submitPetition } from '../support/inbox.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true });
});
afterAll(() => stack?.close());

test('spam: Escape keeps the record, the confirm button marks it, restore brings it back', async () => {
  const code = await submitPetition(stack.api, 'so-tu-phap');
  const page = await stack.newPage();
  await signInOfficial(stack, page, 'tuphap.lan', `/inbox/${code}`);
  await page.getByRole('heading', { name: code }).waitFor();

  await page.getByRole('button', { name: 'Đánh dấu rác' }).click();
  const dialog = page.getByRole('dialog', { name: `Đánh dấu ${code} là rác?` });
  await dialog.waitFor();
  // The safe choice has the focus; the dialog passes axe.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Không, quay lại');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect((await stack.api.request('GET', `/api/feedback/${code}`)).json.status).toBe('received');

  await page.getByRole('button', { name: 'Đánh dấu rác' }).click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByTestId('spam-notice').waitFor();
  expect((await stack.api.request('GET', `/api/feedback/${code}`)).json.status).toBe('spam');

  await page.getByRole('button', { name: 'Khôi phục (không phải rác)' }).click();
  await page.locator('.record-head .status', { hasText: 'Mới tiếp nhận' }).waitFor();
});

test('assign: a list of the department’s officials by name', async () => {
  const code = await submitPetition(stack.api, 'so-tu-phap');
  const page = await stack.newPage();
  await signInOfficial(stack, page, 'tuphap.lan', `/inbox/${code}`);
  await page.getByRole('heading', { name: code }).waitFor();
  await page.keyboard.press('a'); // acknowledge
  await page.getByRole('button', { name: 'Giao xử lý' }).waitFor();

  await page.getByRole('button', { name: 'Giao xử lý' }).click();
  const select = page.getByLabel('Cán bộ được giao');
  await select.locator('option', { hasText: 'Phạm Văn Minh' }).waitFor({ state: 'attached' });
  await select.selectOption({ label: 'Phạm Văn Minh' });
  await page.getByRole('button', { name: 'Thực hiện' }).click();

  await page.getByTestId('assignee').filter({ hasText: 'Phạm Văn Minh' }).waitFor();
});
