/**
 * The citizen answers an official's information request on the tracking page, in Chromium against
 * the real local stack (real sign-in for the official's actions, the real API for the reply).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { doubleTap, startBrowserStack, seriousA11yViolations, type BrowserStack } from '../support/browser.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let stack: BrowserStack;
let lan: Record<string, string>;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true });
  lan = bearer(await tokenFor(stack.api, 'tuphap.lan'));
});
afterAll(() => stack?.close());

const PHONE = { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true };
const REQUEST = 'Đề nghị gửi số hồ sơ và ảnh giấy hẹn trả kết quả.';

const act = (code: string, body: unknown) => stack.api.request('POST', `/api/inbox/${code}/actions`, { headers: lan, body });
const infoReceived = async (code: string) =>
  ((await stack.api.request('GET', `/api/inbox/${code}`, { headers: lan })).json.events as { type: string; details?: { text?: string } }[]).filter((e) => e.type === 'info-received');

/** A petition to Sở Tư pháp (contact + consent) on which the official has asked for more information. */
async function waitingPetition(): Promise<string> {
  const code = await submitPetition(stack.api, 'so-tu-phap', { contact: { name: 'Phạm Thị Mai', phone: '0903111222' }, consent: true });
  expect((await act(code, { type: 'acknowledge' })).status).toBe(200);
  expect((await act(code, { type: 'request-info', text: REQUEST })).status).toBe(200);
  return code;
}

test('the citizen reads the request, sends the information and sees it confirmed; the official sees the reply', async () => {
  const code = await waitingPetition();
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/track/${code}`);

  await page.getByRole('heading', { name: 'Cơ quan đề nghị Ông/Bà bổ sung thông tin' }).waitFor();
  await expect(page.getByTestId('info-request').textContent()).resolves.toBe(REQUEST);
  expect(await seriousA11yViolations(page)).toEqual([]);
  const reply = 'Số hồ sơ 000.00.12.H29-261104-0001.\nẢnh giấy hẹn tôi sẽ mang đến quầy 02.';
  await page.getByRole('textbox', { name: 'Thông tin bổ sung' }).fill(reply);
  await page.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();

  const confirmation = page.getByRole('status').filter({ hasText: 'Đã gửi thông tin bổ sung.' });
  await confirmation.waitFor();
  await expect(confirmation.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  await expect(page.getByTestId('reply-sent').textContent()).resolves.toBe(reply);
  await expect(page.getByRole('textbox', { name: 'Thông tin bổ sung' }).count()).resolves.toBe(0);
  await expect(page.getByTestId('status').textContent()).resolves.toBe('Đang xử lý');
  const view = await stack.api.request('GET', `/api/feedback/${code}`);
  expect(view.json).toMatchObject({ status: 'in_progress' });
  expect(view.json.infoRequest).toBeUndefined();
  expect((await infoReceived(code)).map((e) => e.details?.text)).toEqual([reply]);
});

test('a reply whose answer is lost is resent with the same Idempotency-Key by "Thử lại" and recorded once', async () => {
  const code = await waitingPetition();
  const page = await stack.newPage(PHONE);
  const keys: string[] = [];
  let lose = true;
  await page.route('**/api/feedback/*/info', async (route) => {
    keys.push(route.request().headers()['idempotency-key']!);
    const response = await route.fetch(); // the server records the reply…
    if (lose) await route.abort('connectionreset'); // …but the phone never hears back
    else await route.fulfill({ response });
  });
  await page.goto(`${stack.url}/track/${code}`);
  await page.getByRole('textbox', { name: 'Thông tin bổ sung' }).fill('Số hồ sơ 0001');
  await page.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();

  const problem = page.getByRole('alert').filter({ hasText: 'không kết nối được máy chủ' });
  await problem.waitFor();
  await expect(problem.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  await expect(page.getByRole('textbox', { name: 'Thông tin bổ sung' }).inputValue()).resolves.toBe('Số hồ sơ 0001');
  lose = false;
  await page.getByRole('button', { name: 'Thử lại' }).click();

  await page.getByRole('status').filter({ hasText: 'Đã gửi thông tin bổ sung.' }).waitFor();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect(await infoReceived(code)).toHaveLength(1);
});

test('a double tap on "Gửi thông tin bổ sung" posts once and records one reply; the typed reply survives a reload', async () => {
  const code = await waitingPetition();
  const page = await stack.newPage(PHONE);
  let posted = 0;
  page.on('request', (request) => void (request.method() === 'POST' && posted++));
  await page.goto(`${stack.url}/track/${code}`);
  await page.getByRole('textbox', { name: 'Thông tin bổ sung' }).fill('Số hồ sơ 0003');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Thông tin bổ sung' }).inputValue()).resolves.toBe('Số hồ sơ 0003');

  await doubleTap(page, 'Gửi thông tin bổ sung');

  await page.getByRole('status').filter({ hasText: 'Đã gửi thông tin bổ sung.' }).waitFor();
  expect(posted).toBe(1);
  expect((await infoReceived(code)).map((e) => e.details?.text)).toEqual(['Số hồ sơ 0003']);
});

test('when the office no longer waits, the page says so and shows the current state', async () => {
  const code = await waitingPetition();
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/track/${code}`);
  await page.getByRole('textbox', { name: 'Thông tin bổ sung' }).fill('Số hồ sơ 0002');
  expect((await act(code, { type: 'info-received', text: 'Công dân đã gửi qua điện thoại.' })).status).toBe(200);

  await page.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();

  await page.getByRole('status').filter({ hasText: 'Cơ quan không còn chờ thông tin bổ sung' }).waitFor();
  await expect(page.getByTestId('info-request').count()).resolves.toBe(0);
  expect((await infoReceived(code)).map((e) => e.details?.text)).toEqual(['Công dân đã gửi qua điện thoại.']);
});

test('an empty reply is not sent and the field says why; the request reads in English too', async () => {
  const code = await waitingPetition();
  const page = await stack.newPage(PHONE);
  let posted = 0;
  page.on('request', (request) => void (request.method() === 'POST' && posted++));
  await page.goto(`${stack.url}/track/${code}`);

  await page.getByRole('textbox', { name: 'Thông tin bổ sung' }).fill('   ');
  await page.getByRole('button', { name: 'Gửi thông tin bổ sung' }).click();

  await page.getByText('Hãy nhập thông tin bổ sung trước khi gửi.').waitFor();
  await expect(page.getByRole('textbox', { name: 'Thông tin bổ sung' }).getAttribute('aria-invalid')).resolves.toBe('true');
  expect(posted).toBe(0);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'The office asks you for more information' }).waitFor();
  await page.getByRole('button', { name: 'Send the information' }).waitFor();
});
