/**
 * Answer templates in the answer form: picked from groups named in words, saved from the text being
 * written (its code back to a blank), then found, updated and removed by a colleague.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations, signInOfficial, startBrowserStack, type BrowserStack } from '../support/browser.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true });
});
afterAll(() => stack?.close());

/** An acknowledged petition of Sở Tư pháp, its answer form open for `username`. */
async function answerForm(username: string): Promise<{ page: Page; code: string }> {
  const code = await submitPetition(stack.api, 'so-tu-phap');
  await stack.api.request('POST', `/api/inbox/${code}/actions`, { headers: bearer(await tokenFor(stack.api, 'tuphap.lan')), body: { type: 'acknowledge' } });
  const page = await stack.newPage();
  await signInOfficial(stack, page, username, `/inbox/${code}`);
  await page.getByRole('heading', { name: code }).waitFor();
  await page.getByRole('button', { name: 'Soạn trả lời (r)' }).click();
  await page.getByLabel('Mẫu trả lời').locator('optgroup[label="Mẫu có sẵn"] option', { hasText: 'Tiếp thu, điều chỉnh' }).waitFor({ state: 'attached' });
  return { page, code };
}

const savedTemplates = async () =>
  (await stack.api.request('GET', '/api/inbox/templates', { headers: bearer(await tokenFor(stack.api, 'tuphap.minh')) })).json.templates as { id: string; title: string; text: string; scope: string }[];

test('save the text being written as a template; a colleague picks, updates and removes it', async () => {
  const { page, code } = await answerForm('tuphap.lan');
  await page.getByLabel('Mẫu trả lời').selectOption({ label: 'Tiếp thu, điều chỉnh' });
  const text = page.getByLabel('Nội dung', { exact: true });
  await expect(text.inputValue()).resolves.toContain(`(mã ${code})`);
  await text.fill(`Cảm ơn Ông/Bà (mã ${code}). Sở đã niêm yết lệ phí tại quầy.`);
  await page.getByLabel('Tên mẫu').fill('Niêm yết lệ phí');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Lưu làm mẫu' }).click();

  await page.getByText('Đã lưu mẫu “Niêm yết lệ phí”.').waitFor();
  expect((await savedTemplates()).find((t) => t.title === 'Niêm yết lệ phí')).toMatchObject({ scope: 'department', text: 'Cảm ơn Ông/Bà (mã {code}). Sở đã niêm yết lệ phí tại quầy.' });
  // The answer itself was not sent: the record has no draft.
  expect((await stack.api.request('GET', `/api/inbox/${code}`, { headers: bearer(await tokenFor(stack.api, 'tuphap.lan')) })).json.draft).toBeUndefined();

  const colleague = await answerForm('tuphap.minh');
  const picker = colleague.page.getByLabel('Mẫu trả lời');
  await picker.locator('optgroup[label="Mẫu của đơn vị"] option', { hasText: 'Niêm yết lệ phí' }).waitFor({ state: 'attached' });
  await picker.selectOption({ label: 'Niêm yết lệ phí' });
  await expect(colleague.page.getByLabel('Nội dung', { exact: true }).inputValue()).resolves.toBe(`Cảm ơn Ông/Bà (mã ${colleague.code}). Sở đã niêm yết lệ phí tại quầy.`);
  await colleague.page.getByLabel('Tên mẫu').fill('Niêm yết lệ phí và phí');
  await colleague.page.getByRole('button', { name: 'Cập nhật mẫu đang chọn' }).click();
  await colleague.page.getByText('Đã lưu mẫu “Niêm yết lệ phí và phí”.').waitFor();
  expect((await savedTemplates()).filter((t) => t.scope === 'department').map((t) => t.title)).toEqual(['Niêm yết lệ phí và phí']);

  colleague.page.once('dialog', (dialog) => void dialog.accept());
  await colleague.page.getByRole('button', { name: 'Xoá mẫu đang chọn' }).click();

  await colleague.page.getByText('Đã xoá mẫu “Niêm yết lệ phí và phí”.').waitFor();
  expect(await picker.locator('option', { hasText: 'Niêm yết lệ phí' }).count()).toBe(0);
  expect((await savedTemplates()).filter((t) => t.scope === 'department')).toEqual([]);
});
