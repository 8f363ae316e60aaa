/** The QR landing page on a phone and the tracking page, in Chromium against the real local stack. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { importFeedbackLine } from '#functions/lib/importer';
import { codeFromBytes } from '#shared/tracking-code';
import { doubleTap, fillPetition, startBrowserStack, type BrowserStack } from '../support/browser.ts';
import { recordsFromDevice } from '../support/table.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack();
});
afterAll(() => stack?.close());

const PHONE = { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true };

test('QR flow: a petition from the phone gets a tracking code the API knows, and the tracking page shows it', async () => {
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/q/bt-quay-01`);
  await page.getByText('UBND phường Bến Thành').waitFor();

  await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
  await page.getByRole('button', { name: 'Tiếp cận dịch vụ' }).click();
  await page.getByRole('button', { name: 'Viết thêm ý kiến' }).click();
  await page.getByLabel('Ý kiến của Ông/Bà').fill('Cán bộ hướng dẫn chưa rõ về giấy tờ cần nộp.');
  await page.getByRole('button', { name: 'Tôi muốn được trả lời' }).click();
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoà');
  await page.getByLabel('Số điện thoại', { exact: true }).fill('0912 345 678');
  await page.getByLabel(/Tôi đồng ý/).check();
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())!;

  const tracked = await stack.api.request('GET', `/api/feedback/${code}`);
  expect(tracked.status).toBe(200);
  expect(tracked.json).toMatchObject({ kind: 'pakn', status: 'received', department: { id: 'ubnd-phuong-ben-thanh' } });
  await page.getByRole('link', { name: 'Xem tình trạng xử lý' }).click();
  await expect(page.getByTestId('status').textContent()).resolves.toBe('Đã nhận');
  expect(page.url()).toBe(`${stack.url}/track/${code}`);
});

/** Feedback records sent by this browser (its device id for the misuse rule). */
const recordsFromBrowser = async (page: Page) => recordsFromDevice(await page.evaluate(() => localStorage.getItem('gopy.device')));

async function typePetition(page: Page) {
  await page.getByRole('button', { name: 'Không hài lòng', exact: true }).click();
  await page.getByRole('button', { name: 'Viết thêm ý kiến' }).click();
  await fillPetition(page, { comment: 'Phải chờ lâu ở quầy tiếp nhận.', name: 'Lê Văn Tám', phone: '(028) 3829 1234' });
}

test('QR page: a double tap on "Gửi phản ánh" makes one petition, without an error', async () => {
  const page = await stack.newPage(PHONE);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${stack.url}/q/bt-quay-01`);
  await typePetition(page);

  await doubleTap(page, 'Gửi phản ánh');
  const code = (await page.getByTestId('tracking-code').textContent())!;

  const records = await recordsFromBrowser(page);
  expect(records.map((r) => r.trackingCode)).toEqual([code]);
  expect(records[0]).toMatchObject({ kind: 'pakn' });
  expect(errors).toEqual([]);
});

test('QR page: Back on the phone returns to the previous step with the text kept; a reload keeps the draft', async () => {
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/q/bt-quay-01`);
  await typePetition(page);

  await page.goBack();
  await expect(page.getByLabel('Ý kiến của Ông/Bà').inputValue()).resolves.toBe('Phải chờ lâu ở quầy tiếp nhận.');
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Thủ tục hành chính' }).isVisible()).resolves.toBe(true);
  await page.goForward();
  await page.goForward();
  await expect(page.getByLabel('Họ và tên').inputValue()).resolves.toBe('Lê Văn Tám');

  await page.reload();
  await expect(page.getByLabel('Họ và tên').inputValue()).resolves.toBe('Lê Văn Tám');
  await expect(page.getByLabel(/Tôi đồng ý/).isChecked()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.getByTestId('tracking-code').waitFor();
  await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
});

test('QR page: a send whose answer is lost, then a reload and "Gửi" again, makes one record', async () => {
  const page = await stack.newPage(PHONE);
  let lose = true;
  await page.route('**/api/feedback', async (route) => {
    if (!lose) return route.continue();
    lose = false;
    await route.fetch(); // stored…
    await route.abort('connectionreset'); // …but the phone never hears back
  });
  await page.goto(`${stack.url}/q/bt-quay-01`);
  await typePetition(page);
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  await page.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ' }).waitFor();

  await page.reload();
  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())!;

  expect((await recordsFromBrowser(page)).map((r) => r.trackingCode)).toEqual([code]);
});

test('QR page: a petition without contact details is not sent and says what is missing', async () => {
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/q/bt-quay-01`);
  await page.getByRole('button', { name: 'Chỉ gửi ý kiến, không chấm điểm' }).click();
  await page.getByLabel('Ý kiến của Ông/Bà').fill('Đề nghị bố trí thêm ghế chờ.');
  await page.getByRole('button', { name: 'Tôi muốn được trả lời' }).click();

  await page.getByRole('button', { name: 'Gửi phản ánh' }).click();

  await page.getByText('Hãy nhập họ và tên.').waitFor();
  await page.getByText('Hãy nhập số điện thoại hoặc địa chỉ.').waitFor();
  await page.getByText('Hãy đánh dấu đồng ý để cơ quan có thể trả lời.').waitFor();
  await expect(page.getByLabel('Họ và tên').getAttribute('aria-invalid')).resolves.toBe('true');
});

test('QR page: when the server fails the feedback stays on screen and "Thử lại" sends it once', async () => {
  const page = await stack.newPage(PHONE);
  await page.route('**/api/feedback', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"down"}}' }));
  await page.goto(`${stack.url}/q/bt-quay-02`);
  await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Hệ thống đang bận' }).waitFor();

  await page.unroute('**/api/feedback');
  await page.getByRole('button', { name: 'Thử lại' }).click();
  const code = (await page.getByTestId('tracking-code').textContent())!;

  expect((await stack.api.request('GET', `/api/feedback/${code}`)).json).toMatchObject({ kind: 'rating', status: 'received' });
});

test('QR page: an unknown counter is explained', async () => {
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/q/quay-khong-ton-tai`);

  await expect(page.getByRole('alert').textContent()).resolves.toContain('Không tìm thấy quầy “quay-khong-ton-tai”');
});

test('tracking page shows the timeline and the published answer', async () => {
  const line = JSON.stringify({
    counterId: 'stp-quay-02',
    kind: 'pakn',
    channel: 'letter',
    comment: 'Đề nghị công bố rõ thời hạn cấp phiếu lý lịch tư pháp.',
    contact: { name: 'Trần Văn Bình', phone: '0987654321' },
    consent: true,
    receivedAt: '2026-03-02T09:15:00+07:00',
    events: [
      { type: 'acknowledged', at: '2026-03-03T08:00:00+07:00' },
      { type: 'answered', at: '2026-03-06T16:30:00+07:00', text: 'Thời hạn cấp phiếu là 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.' },
    ],
  });
  const imported = await importFeedbackLine(line, 1, new Date());
  if (!('trackingCode' in imported)) throw new Error(JSON.stringify(imported));
  const page = await stack.newPage(PHONE);

  await page.goto(`${stack.url}/track/${imported.trackingCode.toLowerCase()}`);

  await expect(page.getByTestId('status').textContent()).resolves.toBe('Đã trả lời');
  await expect(page.getByTestId('answer').textContent()).resolves.toContain('Thời hạn cấp phiếu là 10 ngày làm việc');
  await expect(page.locator('.timeline li').allTextContents()).resolves.toEqual([
    expect.stringContaining('Đã nhận'),
    expect.stringContaining('Đã tiếp nhận xử lý'),
    expect.stringContaining('Đã trả lời'),
  ]);
  await expect(page.locator('body').textContent()).resolves.not.toContain('0987654321');
  expect(page.url()).toBe(`${stack.url}/track/${imported.trackingCode}`);
});

test('tracking page: a mistyped code and an unknown code get clear messages', async () => {
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/track`);

  await page.getByLabel('Mã theo dõi').fill('GY-12345');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page.getByRole('alert').textContent()).resolves.toContain('không đúng');

  const unknown = codeFromBytes(new Uint8Array(16).fill(7));
  await page.goto(`${stack.url}/track/${unknown}`);
  await expect(page.getByRole('alert').textContent()).resolves.toContain(`Không tìm thấy ý kiến nào có mã ${unknown}`);
});

test('the English toggle translates the page and is remembered', async () => {
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/q/bt-quay-01`);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'How would you rate the service today?' }).waitFor();
  await page.goto(`${stack.url}/track`);

  await page.getByRole('heading', { name: 'Follow your feedback' }).waitFor();
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
});
