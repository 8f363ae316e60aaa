/**
 * An official's working day in Chromium: a phone petition entered in the inbox form is found again
 * by its tracking code, its middle group and the caller's phone typed with spaces; the screens show
 * words, never the codes of the code lists.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations, signInOfficial, startBrowserStack, type BrowserStack } from '../support/browser.ts';
import { rawCodesIn } from '../support/raw-codes.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true });
});
afterAll(() => stack?.close());

test('a phone petition entered in the inbox is found by its code, its middle group and the phone', async () => {
  const page = await stack.newPage();
  await signInOfficial(stack, page, 'tuphap.lan');
  await page.getByRole('button', { name: 'Nhập phản ánh, kiến nghị' }).click();
  await page.getByRole('heading', { name: /Nhập phản ánh, kiến nghị nhận qua/ }).waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByLabel('Nhận qua', { exact: true }).selectOption({ label: 'Điện thoại' });
  await page.getByLabel('Nội dung phản ánh, kiến nghị').fill('Bà gọi điện: quầy chứng thực thường xuyên vắng cán bộ buổi chiều.');
  await page.getByLabel('Họ tên người gửi').fill('Võ Thị Ngọc Hân');
  await page.getByLabel('Số điện thoại', { exact: true }).fill('0903111222');
  await page.getByLabel('Đồng ý bằng lời nói').check();
  await page.getByRole('button', { name: 'Lưu và cấp mã tra cứu' }).click();
  const saved = page.getByText(/Đã nhập\. Mã tra cứu: GY-/);
  await saved.waitFor();
  const code = /GY-[A-Z0-9]{5}-[A-Z0-9]{5}/.exec((await saved.textContent()) ?? '')![0];
  await page.getByRole('heading', { name: code }).waitFor();
  const detail = (await page.locator('.detail').innerText()).replace(code, '');
  expect(detail).toContain('Điện thoại');
  expect(rawCodesIn(detail)).toEqual([]);

  const search = async (q: string) => {
    await page.locator('#f-q').fill(q);
    await page.locator('#f-q').press('Enter');
    await page.waitForFunction((c) => {
      const rows = [...document.querySelectorAll('.rows .row')];
      return rows.length === 1 && rows[0]!.id === `item-${c}`;
    }, code);
  };
  await search(code);
  await search(code.split('-')[1]!);
  await search('0903 111 222');
  expect(rawCodesIn((await page.locator('.list').innerText()).replace(code, ''))).toEqual([]);
});
