/** The counter kiosk in Chromium against the real local stack: offline queue and idle reset. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { doubleTap, fillPetition, startBrowserStack, type BrowserStack } from '../support/browser.ts';
import { recordsFromDevice } from '../support/table.ts';
import { decodeQr } from '../support/qr-decode.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
});
afterAll(() => stack?.close());

const TABLET = { viewport: { width: 1280, height: 800 }, hasTouch: true };

/** Waits until the service worker has cached the kiosk page and its lazily loaded code. */
async function waitForOfflineReady(page: Page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    const cache = await caches.open('gopy-kiosk-v1');
    const urls = (await cache.keys()).map((request) => new URL(request.url).pathname);
    return urls.includes('/kiosk') && urls.some((url) => url.includes('/steps-')) && urls.some((url) => url.includes('/submit-'));
  });
}

test('offline: a rating is saved, survives a reload, and arrives exactly once when the network is back', async () => {
  const page = await stack.newPage(TABLET);
  await page.goto(`${stack.url}/kiosk?counter=stp-quay-02`);
  await expect(page.getByText('Quầy 02 — Sở Tư pháp').waitFor()).resolves.toBeUndefined();
  await waitForOfflineReady(page);
  const deviceId = await page.evaluate(() => localStorage.getItem('gopy.kiosk.device')!);

  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Rất hài lòng' }).click();
  await page.getByRole('button', { name: 'Công chức giải quyết' }).click();
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByTestId('saved-offline').waitFor();
  await page.getByRole('status').filter({ hasText: '1 ý kiến chờ gửi' }).waitFor();

  await page.reload();
  await page.getByRole('status').filter({ hasText: '1 ý kiến chờ gửi' }).waitFor();
  expect(await recordsFromDevice(deviceId)).toHaveLength(0);

  await page.context().setOffline(false);
  await page.getByRole('status').filter({ hasText: 'Đã gửi hết' }).waitFor({ timeout: 15_000 });
  const records = await recordsFromDevice(deviceId);
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ channel: 'kiosk', kind: 'rating', rating: 5, reasons: ['official'], counterId: 'stp-quay-02' });
});

test('offline: a petition shows its reserved tracking code at once, and the code works on /track after reconnecting', async () => {
  const page = await stack.newPage(TABLET);
  await page.goto(`${stack.url}/kiosk?counter=stp-quay-02`);
  await waitForOfflineReady(page);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('gopy.kiosk.reserved') ?? '[]').length >= 10);

  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Chỉ gửi ý kiến, không chấm điểm' }).click();
  await fillPetition(page, { comment: 'Máy lấy số thứ tự bị hỏng.', name: 'Vũ Văn Nam', phone: '(028) 3829 1234' });
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.getByTestId('saved-offline').waitFor();
  const code = (await page.getByTestId('tracking-code').textContent())!;
  expect((await stack.api.request('GET', `/api/feedback/${code}`)).status).toBe(404);

  await page.context().setOffline(false);
  await page.getByRole('status').filter({ hasText: 'Đã gửi hết' }).waitFor({ timeout: 15_000 });
  await page.getByTestId('due-date').waitFor(); // the receipt arrived: the due date joins the code

  const phone = await stack.newPage({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  await phone.goto(`${stack.url}/track/${code}`);
  await expect(phone.getByTestId('status').textContent()).resolves.toBe('Đã nhận');
});

test('a lost answer is retried with the same key: the record exists once and the code still appears', async () => {
  const page = await stack.newPage({ ...TABLET, serviceWorkers: 'block' });
  let first = true;
  await page.route('**/api/feedback', async (route) => {
    if (!first) return route.continue();
    first = false;
    await route.fetch(); // the server stores it…
    await route.abort('connectionreset'); // …but the kiosk never hears back
  });
  await page.goto(`${stack.url}/kiosk?counter=stc-quay-03`);
  const deviceId = await page.evaluate(() => localStorage.getItem('gopy.kiosk.device')!);

  await page.getByRole('button', { name: 'Rất không hài lòng' }).click();
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByTestId('saved-offline').waitFor();
  const code = await page.getByTestId('tracking-code').textContent({ timeout: 15_000 });

  const records = await recordsFromDevice(deviceId);
  expect(records).toHaveLength(1);
  expect(records[0]!.trackingCode).toBe(code);
});

test('online: the thank-you screen shows the tracking code and a QR code to follow it', async () => {
  const page = await stack.newPage(TABLET);
  await page.goto(`${stack.url}/kiosk?counter=stp-quay-02`);

  await page.getByRole('button', { name: 'Bình thường' }).click();
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  const code = await page.getByTestId('tracking-code').textContent();

  expect(code).toMatch(/^GY-[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  const qr = page.getByRole('img', { name: new RegExp(code!) });
  await expect(qr.isVisible()).resolves.toBe(true);
  // What a phone camera reads from the screen: the tracking page of this code.
  const shot = `data:image/png;base64,${(await qr.screenshot()).toString('base64')}`;
  expect(await decodeQr(page.context().browser()!, shot)).toBe(`${stack.url}/track/${code}`);
  expect((await stack.api.request('GET', `/api/feedback/${code}`)).status).toBe(200);
});

test('a double tap on "Gửi phản ánh" queues and sends one petition', async () => {
  const page = await stack.newPage(TABLET);
  await page.goto(`${stack.url}/kiosk?counter=stp-quay-02`);
  const deviceId = await page.evaluate(() => localStorage.getItem('gopy.kiosk.device')!);
  await page.getByRole('button', { name: 'Chỉ gửi ý kiến, không chấm điểm' }).click();
  await fillPetition(page, { comment: 'Đề nghị thêm ghế chờ.', name: 'Đỗ Thị Hạnh', phone: '0912.345.678' });

  await doubleTap(page, 'Gửi phản ánh');
  const code = await page.getByTestId('tracking-code').textContent();
  await page.getByTestId('due-date').waitFor(); // the receipt, so the record is in the table
  await page.getByRole('status').filter({ hasText: 'Đã gửi hết' }).waitFor();

  const records = await recordsFromDevice(deviceId);
  expect(records.map((r) => r.trackingCode)).toEqual([code]);
});

test('idle: a petition typed and left untouched for 60 s keeps its text; the kiosk asks before any reset', async () => {
  const page = await stack.newPage(TABLET);
  await page.clock.install();
  await page.goto(`${stack.url}/kiosk?counter=stp-quay-02&idle=2`);
  await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
  await page.getByRole('button', { name: 'Thủ tục hành chính' }).click();
  await page.getByRole('button', { name: 'Viết thêm ý kiến' }).click();
  await page.getByLabel('Ý kiến của Ông/Bà').fill('Tôi chờ hai tiếng mà chưa được tiếp.');
  await page.getByRole('button', { name: 'Tôi muốn được trả lời' }).click();
  await page.getByLabel('Họ và tên').fill('Trần Thị Lan');

  await page.clock.runFor(60_000); // reading the consent notice

  await expect(page.getByLabel('Họ và tên').inputValue()).resolves.toBe('Trần Thị Lan');
  await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);
  await page.clock.runFor(61_000); // two minutes without a touch: the question, with the seconds left
  const prompt = page.getByRole('alertdialog', { name: 'Ông/Bà vẫn đang dùng máy chứ?' });
  await expect(prompt.textContent()).resolves.toMatch(/sau (29|30) giây/);
  await page.getByRole('button', { name: 'Tôi vẫn đang dùng' }).click();
  await expect(prompt.count()).resolves.toBe(0);
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await expect(page.getByLabel('Ý kiến của Ông/Bà').inputValue()).resolves.toBe('Tôi chờ hai tiếng mà chưa được tiếp.');
});

test('idle: after the question goes unanswered every field, the language and the text size return to the defaults', async () => {
  const page = await stack.newPage(TABLET);
  await page.clock.install();
  await page.goto(`${stack.url}/kiosk?counter=stp-quay-02&idle=2`);
  await page.getByRole('button', { name: 'Chữ to' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Dissatisfied', exact: true }).click();
  await page.getByRole('button', { name: 'Administrative procedure' }).click();
  await page.getByRole('button', { name: 'Add a comment' }).click();
  await page.getByLabel('Your comment').fill('Thông tin riêng của người trước');
  await expect(page.getByRole('button', { name: 'Large text' }).getAttribute('aria-pressed')).resolves.toBe('true');

  await page.clock.runFor(120_000 + 30_000 + 2_000);

  await page.getByRole('heading', { name: 'Ông/Bà đánh giá thế nào về sự phục vụ hôm nay?' }).waitFor();
  await expect(page.locator('html').getAttribute('class')).resolves.not.toContain('large');
  await expect(page.getByRole('button', { name: 'Chữ to' }).getAttribute('aria-pressed')).resolves.toBe('false');
  await expect(page.getByRole('button', { name: 'Không hài lòng', exact: true }).getAttribute('aria-pressed')).resolves.toBe('false');
  await page.getByRole('button', { name: 'Chỉ gửi ý kiến, không chấm điểm' }).click();
  await expect(page.getByLabel('Ý kiến của Ông/Bà').inputValue()).resolves.toBe('');
});

test('without a counter the tablet asks staff to choose one, then remembers it', async () => {
  const page = await stack.newPage(TABLET);
  await page.goto(`${stack.url}/kiosk`);

  await page.getByLabel('Quầy').selectOption('bt-quay-01');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Quầy 1 — Hộ tịch, chứng thực (phường Bến Thành)').waitFor();
  await page.goto(`${stack.url}/kiosk`);

  await page.getByText('Quầy 1 — Hộ tịch, chứng thực (phường Bến Thành)').waitFor();
});

test('an unknown counter is explained', async () => {
  const page = await stack.newPage(TABLET);
  await page.goto(`${stack.url}/kiosk?counter=khong-co-quay-nay`);

  await expect(page.getByRole('alert').textContent()).resolves.toContain('Không tìm thấy quầy “khong-co-quay-nay”');
});
