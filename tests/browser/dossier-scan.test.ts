/**
 * The counter's official and the dossier number on the citizen pages: the QR page names the
 * official on duty; the dossier number is read from the receipt's QR code with the camera (a fake
 * camera stream playing the code) or from a photo, or typed; the rating is stored with it, and the
 * server attributes it to the official on duty.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getFeedback } from '#functions/lib/feedback-store';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startBrowserStack, type BrowserStack } from '../support/browser.ts';
import { bearer, tokenFor } from '../support/inbox.ts';
import { receiptPng, writeReceiptY4m } from '../support/receipt-qr.ts';

const DOSSIER = '000.00.15.H29-261110-0042';
const RECEIPT_QR = `https://dichvucong.example.vn/tra-cuu-ho-so?ma=${DOSSIER}`;
const PHONE = { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };

let stack: BrowserStack;
let camera: Browser;
beforeAll(async () => {
  const video = join(await mkdtemp(join(tmpdir(), 'gopy-camera-')), 'receipt.y4m');
  await writeReceiptY4m(video, RECEIPT_QR);
  stack = await startBrowserStack({ auth: true });
  camera = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  const duty = await stack.api.request('POST', '/api/inbox/duty', { headers: bearer(await tokenFor(stack.api, 'benthanh.ngoc')), body: { counterId: 'bt-quay-01' } });
  expect(duty.status).toBe(200);
}, 120_000);
afterAll(async () => {
  await camera?.close();
  await stack?.close();
});

/** Sends the rating and returns the stored record. */
async function sendAndRead(page: Page) {
  const response = page.waitForResponse((r) => r.url().endsWith('/api/feedback') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  const { trackingCode } = await (await response).json();
  return getFeedback(trackingCode);
}

test('QR page: names the official on duty; the dossier number is scanned with the camera; the rating is theirs', async () => {
  const context = await camera.newContext({ ...PHONE, permissions: ['camera'] });
  const page = await context.newPage();
  await page.goto(`${stack.url}/q/bt-quay-01`);
  await page.getByText('Cán bộ tiếp nhận: Bùi Bảo Ngọc').waitFor();

  await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
  await page.getByRole('button', { name: 'Quét mã' }).click();
  await expect.poll(() => page.getByLabel('Mã hồ sơ (trên giấy biên nhận)').inputValue(), { timeout: 15_000 }).toBe(DOSSIER);

  const record = await sendAndRead(page);
  expect(record).toMatchObject({ dossierNumber: DOSSIER, officialName: 'Bùi Bảo Ngọc', channel: 'qr' });
  await context.close();
});

test('kiosk: the dossier number from a photo of the receipt, or typed; a wrong one is explained', async () => {
  const page = await stack.newPage({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  await page.goto(`${stack.url}/kiosk?counter=bt-quay-01`);
  await page.getByText('Cán bộ tiếp nhận: Bùi Bảo Ngọc').waitFor();
  await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();

  const field = page.getByLabel('Mã hồ sơ (trên giấy biên nhận)');
  await field.fill('12345');
  await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  await page.getByText('Mã hồ sơ chưa đúng').waitFor();

  await page.getByRole('button', { name: 'Quét mã' }).click();
  await page.getByTestId('scan-file').setInputFiles({ name: 'bien-nhan.png', mimeType: 'image/png', buffer: await receiptPng(RECEIPT_QR) });
  await expect.poll(() => field.inputValue()).toBe(DOSSIER);

  await field.fill(' 000.00.15.h29-261110-0043 ');
  const record = await sendAndRead(page);
  expect(record).toMatchObject({ dossierNumber: '000.00.15.H29-261110-0043', officialName: 'Bùi Bảo Ngọc', channel: 'kiosk' });
});
