/**
 * Duty and the performance view in the inbox: an official starts duty from the inbox, a rating
 * is given at the counter, and the department's lead finds it under that official and counter;
 * the official's own view has only their row.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations, signInOfficial, startBrowserStack, type BrowserStack } from '../support/browser.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true });
});
afterAll(() => stack?.close());

const signIn = (page: Page, username: string) => signInOfficial(stack, page, username);

test('an official starts duty in the inbox; the lead sees the rating under them and their counter', async () => {
  const official = await stack.newPage();
  await signIn(official, 'tuphap.lan');
  await official.getByRole('button', { name: 'Bắt đầu trực' }).click();
  await official.getByText(/Đang trực Quầy 02 — Sở Tư pháp .* Công dân thấy tên: Nguyễn Thị Lan\./).waitFor();

  const rated = await stack.api.request('POST', '/api/feedback', {
    headers: { 'idempotency-key': 'inbox-perf-0001' },
    body: { counterId: 'stp-quay-02', kind: 'rating', channel: 'kiosk', rating: 1, reasons: ['result'] },
  });
  expect(rated.status).toBe(201);

  const lead = await stack.newPage();
  await signIn(lead, 'lanhdao.tuphap');
  await lead.getByRole('button', { name: 'Đánh giá cán bộ, quầy' }).click();
  const row = lead.getByRole('table', { name: 'Theo cán bộ' }).getByRole('row', { name: /Nguyễn Thị Lan/ });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('Kết quả giải quyết (1)');
  await expect(lead.getByRole('table', { name: 'Theo quầy' }).getByRole('row', { name: /Quầy 02 — Sở Tư pháp/ }).textContent()).resolves.toContain('chưa đủ lượt');
  expect(await seriousA11yViolations(lead)).toEqual([]);

  await official.getByRole('button', { name: 'Đánh giá cán bộ, quầy' }).click();
  await official.getByText('Chỉ số liệu của chính Ông/Bà').waitFor();
  await expect(official.getByRole('table', { name: 'Theo quầy' }).count()).resolves.toBe(0);
});

test('the admin chooses the department; the printed report is the view alone with its definitions', async () => {
  // Arrange
  const admin = await stack.newPage();
  await signIn(admin, 'admin.tinh');
  await admin.getByRole('button', { name: 'Đánh giá cán bộ, quầy' }).click();

  // Act
  await admin.getByRole('combobox', { name: 'Đơn vị của báo cáo' }).selectOption({ label: 'Sở Tư pháp' });
  await admin.getByText(/Báo cáo đánh giá tháng \d{4}-\d{2} — Sở Tư pháp/).waitFor();
  await admin.emulateMedia({ media: 'print' });

  // Assert: the inbox around it is not printed; the heading, the tables and the definitions are.
  await expect(admin.locator('.topbar').isVisible()).resolves.toBe(false);
  await expect(admin.getByRole('button', { name: 'In báo cáo' }).isVisible()).resolves.toBe(false);
  await expect(admin.getByRole('table', { name: 'Theo cán bộ' }).getByRole('row', { name: /Nguyễn Thị Lan/ }).isVisible()).resolves.toBe(true);
  await expect(admin.getByRole('heading', { name: 'Định nghĩa' }).isVisible()).resolves.toBe(true);
  await expect(admin.getByText('Khoảng Wilson của tỷ lệ hài lòng.').isVisible()).resolves.toBe(true);
  await expect(admin.getByRole('table', { name: 'Nhật ký trực quầy' }).getByRole('row', { name: /Bắt đầu trực Nguyễn Thị Lan/ }).isVisible()).resolves.toBe(true);
});
