/** axe-core on every citizen page and on the flow's later steps: no serious or critical violations. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importFeedbackLine } from '#functions/lib/importer';
import { seriousA11yViolations, startBrowserStack, type BrowserStack } from '../support/browser.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
});
afterAll(() => stack?.close());

const PHONE = { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true };
const TABLET = { viewport: { width: 1280, height: 800 }, hasTouch: true };

async function expectAccessible(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

test('landing page', async () => {
  const page = await stack.newPage();
  await page.goto(`${stack.url}/`);
  await expectAccessible(page);
});

test('kiosk: every step, in large-text mode too', async () => {
  const page = await stack.newPage(TABLET);
  await page.goto(`${stack.url}/kiosk?counter=stp-quay-02`);
  await page.getByText('Quầy 02 — Sở Tư pháp').waitFor();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
  await page.getByLabel('Thủ tục Ông/Bà đã làm').waitFor();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Viết thêm ý kiến' }).click();
  await page.getByRole('button', { name: 'Tôi muốn được trả lời' }).click();
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.getByText('Hãy nhập họ và tên.').waitFor();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Bỏ qua, gửi không cần trả lời' }).click();
  await page.getByTestId('tracking-code').waitFor();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Chữ to' }).click();
  await expectAccessible(page);
});

test('kiosk setup screen', async () => {
  const page = await stack.newPage(TABLET);
  await page.goto(`${stack.url}/kiosk`);
  await page.getByLabel('Quầy').waitFor();
  await expectAccessible(page);
});

test('QR page on a phone, first step and contact step, in English too', async () => {
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/q/bt-quay-01`);
  await page.getByText('UBND phường Bến Thành').waitFor();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Chỉ gửi ý kiến, không chấm điểm' }).click();
  await page.getByRole('button', { name: 'Tôi muốn được trả lời' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expectAccessible(page);
});

test('tracking page: the form and a record with an answer', async () => {
  const imported = await importFeedbackLine(
    JSON.stringify({
      counterId: 'bt-quay-01',
      kind: 'rating',
      channel: 'web',
      rating: 2,
      comment: 'Chờ lâu quá.',
      receivedAt: '2026-03-02T09:15:00+07:00',
      events: [{ type: 'answered', at: '2026-03-04T10:00:00+07:00', text: 'Phường đã bố trí thêm một quầy vào buổi sáng.' }],
    }),
    1,
    new Date(),
  );
  if (!('trackingCode' in imported)) throw new Error(JSON.stringify(imported));
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/track`);
  await expectAccessible(page);

  await page.goto(`${stack.url}/track/${imported.trackingCode}`);
  await page.getByTestId('answer').waitFor();
  await expectAccessible(page);
});

test('text at 200% reflows without horizontal scrolling (phone pages at 320 px, kiosk in large-text mode)', async () => {
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const page = await stack.newPage({ viewport: { width: 320, height: 640 } });
  for (const path of ['/q/bt-quay-01', '/track', '/']) {
    await page.goto(stack.url + path);
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    expect(await overflow(page), path).toBeLessThanOrEqual(0);
  }
  await page.goto(`${stack.url}/q/bt-quay-01`);
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
  await page.getByRole('button', { name: 'Viết thêm ý kiến' }).click();
  await page.getByRole('button', { name: 'Tôi muốn được trả lời' }).click();
  expect(await overflow(page), 'contact step').toBeLessThanOrEqual(0);

  const kiosk = await stack.newPage(TABLET);
  await kiosk.goto(`${stack.url}/kiosk?counter=stp-quay-02`);
  await kiosk.getByRole('button', { name: 'Chữ to' }).click();
  expect(await overflow(kiosk), 'kiosk large text').toBeLessThanOrEqual(0);
});
