/**
 * The citizen's tracking page after the inbox's judgements: a record marked spam (confirmed in the
 * dialog) says it was closed, never "not found"; a duplicate links to its original's page.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { signInOfficial, startBrowserStack, type BrowserStack } from '../support/browser.ts';
import { answeredPetition, bearer, submitPetition, tokenFor } from '../support/inbox.ts';
import { rawCodesIn } from '../support/raw-codes.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true });
});
afterAll(() => stack?.close());

test('spam confirmed in the dialog: the audit trail says it in words; /track/<code> shows the item closed, not “not found”', async () => {
  const code = await submitPetition(stack.api, 'so-tu-phap');
  const lan = bearer(await tokenFor(stack.api, 'tuphap.lan'));
  for (const body of [{ type: 'acknowledge' }, { type: 'classify', category: 'official-conduct' }, { type: 'note', text: 'Gọi lại cho người gửi.' }]) {
    expect((await stack.api.request('POST', `/api/inbox/${code}/actions`, { headers: lan, body })).status).toBe(200);
  }
  const inbox = await stack.newPage();
  await signInOfficial(stack, inbox, 'tuphap.lan', `/inbox/${code}`);
  await inbox.getByRole('heading', { name: code }).waitFor();
  await inbox.getByRole('button', { name: 'Đánh dấu rác' }).click();
  await inbox.getByRole('dialog', { name: `Đánh dấu ${code} là rác?` }).getByRole('button', { name: 'Đánh dấu rác' }).click();
  await inbox.getByTestId('spam-notice').waitFor();
  const trail = await inbox.locator('.events').innerText();
  expect(trail).toContain('Hành vi của cán bộ');
  expect(trail).toContain('đánh dấu rác (Đang xử lý → Rác)');
  expect(rawCodesIn((await inbox.locator('.detail').innerText()).replace(code, ''))).toEqual([]);

  const page = await stack.newPage();
  await page.goto(`${stack.url}/track/${code}`);

  await expect(page.getByTestId('status').textContent()).resolves.toBe('Đã đóng');
  await page.getByText('Cơ quan đã đóng ý kiến này, không xử lý tiếp').waitFor();
  expect(await page.getByText('Không tìm thấy').count()).toBe(0);
});

test('a duplicate’s tracking page links to the original’s; following it shows the original', async () => {
  const original = await answeredPetition(stack.api, 'so-tu-phap');
  const code = await submitPetition(stack.api, 'so-tu-phap', { contact: { name: 'Trần Thị Bình', phone: '0987654321' } });
  const [lan, minh] = [bearer(await tokenFor(stack.api, 'tuphap.lan')), bearer(await tokenFor(stack.api, 'tuphap.minh'))];
  for (const [headers, body] of [[lan, { type: 'duplicate', of: original, summary: 'Đề nghị công khai thời gian giải quyết.' }], [minh, { type: 'approve' }]] as const) {
    const response = await stack.api.request('POST', `/api/inbox/${code}/actions`, { headers, body });
    expect(response.status, response.text).toBe(200);
  }

  const page = await stack.newPage();
  await page.goto(`${stack.url}/track/${code}`);
  const link = page.getByTestId('duplicate-of');
  await expect(link.textContent()).resolves.toBe(original);
  await link.click();

  await page.waitForURL(`${stack.url}/track/${original}`);
  await page.locator('#tracking-title', { hasText: original }).waitFor();
  await expect(page.getByTestId('answer').textContent()).resolves.toContain('Đơn vị đã tiếp thu và điều chỉnh quy trình tiếp nhận.');
});
