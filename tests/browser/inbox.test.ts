/**
 * The inbox in Chromium against the real local stack: sign in through the local OpenID provider
 * (code + PKCE), triage a petition to a published answer with two officials, be refused another
 * department's record, and see markup in a comment rendered as text.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signInToInbox, startBrowserStack, seriousA11yViolations, type BrowserStack } from '../support/browser.ts';
import { submitPetition } from '../support/inbox.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true });
});
afterAll(() => stack?.close());

const signIn = (page: Page, username: string, path = '/inbox') => signInToInbox(stack, page, username, path);

test('two officials take a petition from received to a published, redacted answer', async () => {
  const code = await submitPetition(stack.api, 'so-tu-phap', {
    comment: 'Đề nghị niêm yết lệ phí cấp phiếu lý lịch tư pháp tại quầy.',
    contact: { name: 'Lê Thị Thu', phone: '0901234567' },
  });

  const drafter = await stack.newPage();
  await signIn(drafter, 'tuphap.lan');
  await drafter.locator(`#item-${code} .row-main`).click();
  await drafter.getByRole('heading', { name: code }).waitFor();
  expect(await seriousA11yViolations(drafter)).toEqual([]);
  await drafter.keyboard.press('a'); // acknowledge
  await drafter.getByText('Đã thực hiện.').waitFor();
  await drafter.locator('.record-head .status', { hasText: 'Đã xác nhận' }).waitFor();
  await drafter.keyboard.press('r'); // answer
  await drafter.getByLabel('Mẫu trả lời').selectOption({ label: 'Tiếp thu, điều chỉnh' });
  await drafter.getByLabel('Nội dung', { exact: true }).fill('Kính gửi bà Lê Thị Thu (0901 234 567): Sở đã niêm yết lệ phí tại quầy 02.');
  await drafter.getByRole('button', { name: 'Thực hiện' }).click();
  await drafter.getByRole('heading', { name: 'Dự thảo trả lời' }).waitFor();
  // Approval is offered, but the server holds the four-eyes rule.
  await drafter.getByRole('button', { name: 'Duyệt và công khai' }).click();
  await drafter.getByText('Cần một cán bộ khác của đơn vị').waitFor();

  const reviewer = await stack.newPage();
  await signIn(reviewer, 'tuphap.minh', `/inbox/${code}`);
  await reviewer.getByRole('heading', { name: 'Dự thảo trả lời' }).waitFor();
  await reviewer.getByRole('button', { name: 'Duyệt và công khai' }).click();
  const published = reviewer.getByTestId('published-answer');
  await published.waitFor();
  expect(await published.textContent()).toBe('Kính gửi bà [họ tên] ([số điện thoại]): Sở đã niêm yết lệ phí tại quầy 02.');

  const tracking = await stack.api.request('GET', `/api/feedback/${code}`);
  expect(tracking.json.answer.text).toBe('Kính gửi bà [họ tên] ([số điện thoại]): Sở đã niêm yết lệ phí tại quầy 02.');
});

test("opening another department's record by URL is refused", async () => {
  const code = await submitPetition(stack.api, 'so-xay-dung');
  const page = await stack.newPage();
  await signIn(page, 'tuphap.lan', `/inbox/${code}`);
  const refusal = page.getByTestId('detail-error');
  await refusal.waitFor();
  expect(await refusal.textContent()).toContain(`Không tìm thấy ý kiến ${code}`);
  expect(await page.locator('body').textContent()).not.toContain('Nguyễn Văn An');
});

test('markup in a comment is shown as text and never runs', async () => {
  const code = await submitPetition(stack.api, 'ubnd-phuong-ben-thanh', { comment: 'Xin chào <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>' });
  const page = await stack.newPage();
  await signIn(page, 'benthanh.ngoc', `/inbox/${code}`);
  const comment = page.getByTestId('comment');
  await comment.waitFor();
  expect(await comment.textContent()).toBe('Xin chào <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
  expect(await page.locator('.detail img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('English toggle, empty state and j/k navigation', async () => {
  const page = await stack.newPage();
  await signIn(page, 'binhchanh.phuc');
  await page.getByText('Đã xử lý hết').waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByText('All done. Nothing is waiting.').waitFor();
  // Same due date: the list orders them by tracking code.
  const [first, second] = [await submitPetition(stack.api, 'ubnd-xa-binh-chanh'), await submitPetition(stack.api, 'ubnd-xa-binh-chanh')].sort();
  await page.reload();
  await page.locator('.row').nth(1).waitFor();
  await page.keyboard.press('j');
  await page.getByRole('heading', { name: first }).waitFor();
  await page.keyboard.press('j');
  await page.getByRole('heading', { name: second }).waitFor();
  expect(page.url()).toBe(`${stack.url}/inbox/${second}`);
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');

  // Bulk: select both and acknowledge them in one go.
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page.getByRole('button', { name: 'Acknowledge (2)' }).click();
  await page.getByText('2 done, 0 not possible.').waitFor();
  expect(await page.locator('.row .status').allTextContents()).toEqual(['Acknowledged', 'Acknowledged']);
});

test('the admin starts with all departments; each row names its department', async () => {
  const [justice, building] = [await submitPetition(stack.api, 'so-tu-phap'), await submitPetition(stack.api, 'so-xay-dung')];
  const page = await stack.newPage();
  await signIn(page, 'admin.tinh');
  const picker = page.getByLabel('Đơn vị');
  expect(await picker.inputValue()).toBe('all');
  expect(await picker.locator('option').first().textContent()).toBe('Tất cả đơn vị');
  await page.locator(`#item-${justice}`).waitFor();
  expect(await page.locator(`#item-${justice} .row-dept`).textContent()).toContain('Sở Tư pháp');
  expect(await page.locator(`#item-${building} .row-dept`).textContent()).toContain('Sở Xây dựng');
  // One department again: its rows only, without the department on each.
  await picker.selectOption('so-tu-phap');
  await page.locator(`#item-${building}`).waitFor({ state: 'detached' });
  expect(await page.locator(`#item-${justice} .row-dept`).count()).toBe(0);
});
