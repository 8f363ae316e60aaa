/**
 * Once the answer is published, the citizen rates it on the tracking page (reached by the answer
 * notice's link) and can send a follow-up, in Chromium against the real local stack.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RATE_ANCHOR } from '#shared/notifications';
import { startBrowserStack, seriousA11yViolations, type BrowserStack } from '../support/browser.ts';
import { answeredPetition, bearer, tokenFor } from '../support/inbox.ts';

let stack: BrowserStack;
let lan: Record<string, string>;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true });
  lan = bearer(await tokenFor(stack.api, 'tuphap.lan'));
});
afterAll(() => stack?.close());

const PHONE = { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true };
const record = async (code: string) => (await stack.api.request('GET', `/api/inbox/${code}`, { headers: lan })).json;

test('the citizen rates the answer from the notice’s link, sees it confirmed, and the department sees the rating and comment', async () => {
  const code = await answeredPetition(stack.api, 'so-tu-phap');
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/track/${code}${RATE_ANCHOR}`);

  await page.getByRole('group', { name: 'Ông/Bà có hài lòng với kết quả trả lời không?' }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await page.getByText('Hãy chọn một mức đánh giá trước khi gửi.').waitFor();
  await page.getByRole('radio', { name: 'Không hài lòng' }).check();
  await page.getByRole('textbox', { name: 'Góp ý thêm (không bắt buộc)' }).fill('Trả lời chưa nói khi nào quầy thay đổi.');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();

  const thanks = page.getByRole('status').filter({ hasText: 'Cảm ơn Ông/Bà đã đánh giá kết quả trả lời.' });
  await thanks.waitFor();
  await expect(thanks.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
  await expect(page.getByTestId('rated').textContent()).resolves.toContain('Không hài lòng');
  expect((await stack.api.request('GET', `/api/feedback/${code}`)).json.answerRating).toMatchObject({ rating: 'dissatisfied' });
  expect((await record(code)).answerRating).toMatchObject({ rating: 'dissatisfied', comment: 'Trả lời chưa nói khi nào quầy thay đổi.' });
});

test('a rating whose response is lost is resent with the same Idempotency-Key by "Thử lại" and recorded once', async () => {
  const code = await answeredPetition(stack.api, 'so-tu-phap');
  const page = await stack.newPage(PHONE);
  const keys: string[] = [];
  let lose = true;
  await page.route('**/api/feedback/*/answer-rating', async (route) => {
    keys.push(route.request().headers()['idempotency-key']!);
    const response = await route.fetch();
    if (lose) await route.abort('connectionreset');
    else await route.fulfill({ response });
  });
  await page.goto(`${stack.url}/track/${code}`);
  await page.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();

  await page.getByRole('alert').filter({ hasText: 'không kết nối được máy chủ' }).waitFor();
  lose = false;
  await page.getByRole('button', { name: 'Thử lại' }).click();

  await page.getByRole('status').filter({ hasText: 'Cảm ơn Ông/Bà' }).waitFor();
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  expect((await record(code)).events.filter((e: { type: string }) => e.type === 'answer-rated')).toHaveLength(1);
});

test('the citizen sends a follow-up about the result; both tracking pages link to each other; it reads in English too', async () => {
  const code = await answeredPetition(stack.api, 'so-tu-phap');
  const page = await stack.newPage(PHONE);
  await page.goto(`${stack.url}/track/${code}`);

  await page.getByText('Chưa đồng ý với kết quả? Gửi phản ánh tiếp').click();
  await page.getByRole('textbox', { name: 'Nội dung phản ánh tiếp về kết quả giải quyết' }).fill('Quầy vẫn chưa làm theo trả lời.');
  await page.getByRole('button', { name: 'Gửi phản ánh tiếp' }).click();

  const link = page.getByTestId('follow-up-code');
  await link.waitFor();
  const followUp = (await link.textContent())!;
  expect((await record(code)).followUps).toEqual([followUp]);
  await link.click();
  await page.getByTestId('follow-up-of').waitFor();
  await expect(page.getByTestId('follow-up-of').textContent()).resolves.toBe(code);
  await page.goto(`${stack.url}/track/${code}`);
  await expect(page.getByTestId('follow-ups').textContent()).resolves.toBe(followUp);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('group', { name: 'Are you satisfied with the answer?' }).waitFor();
});
