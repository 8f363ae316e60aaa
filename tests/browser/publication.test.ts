/**
 * Publication in Chromium: a petition whose answer quotes its sender's contact data in the ways
 * people write it. The approver sees the redacted text next to the original and edits it; then the
 * tracking page, /stats/YYYY-MM.json and the /stats page show none of the contact data nor the
 * sender's own words (no allowPublication); after erase-contact and a republication, still none,
 * and the published texts are byte for byte the same.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultStatsOutput } from '#functions/lib/stats-output';
import { publishStats } from '#functions/publish-stats';
import { localMonthOf } from '#shared/time';
import { signInOfficial, startBrowserStack, type BrowserStack } from '../support/browser.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let stack: BrowserStack;
beforeAll(async () => {
  stack = await startBrowserStack({ auth: true, stats: true });
});
afterAll(async () => {
  await stack?.close();
});

const month = localMonthOf(new Date());
const readPublished = async (name: string) => (await defaultStatsOutput().read(name)) ?? '';
async function republish(): Promise<string> {
  await publishStats([month], { output: defaultStatsOutput(), now: new Date() });
  return readPublished(`${month}.json`);
}
const COMMENT = 'Tôi là Phạm Thị Hồng Nhung, hồ sơ 000.00.15.H29-261110-0042 bị trả chậm.';
const ANSWER =
  'Kính gửi bà PHAM THI HONG NHUNG (Số 45 ngõ 12 phố Huế, Hai Bà Trưng; ĐT (0916) 222 333, 0916  222  333, ０９１６２２２３３３): ' +
  'hồ sơ 000.00.15.H29-261110-0042 đã được trả. Liên hệ ông Trần Minh, ĐT 024 3825 3536.';
const SECRETS = ['Nhung', 'NHUNG', '0916', '222 333', '２２２', 'phố Huế', '45 ngõ', 'H29-261110', 'bị trả chậm'];
const noSecrets = (where: string, text: string) => {
  for (const secret of SECRETS) expect(text, `${secret} in ${where}`).not.toContain(secret);
};

const signIn = (page: Page, username: string, path?: string) => signInOfficial(stack, page, username, path);

test('an approved answer quoting the sender’s contact data publishes none of it, before and after erasure', async () => {
  const code = await submitPetition(stack.api, 'so-tu-phap', {
    comment: COMMENT,
    contact: { name: 'Phạm Thị Hồng Nhung', phone: '0916 222 333', address: 'Số 45 ngõ 12 phố Huế, Hai Bà Trưng' },
  });
  const lan = bearer(await tokenFor(stack.api, 'tuphap.lan'));
  const act = (body: unknown) => stack.api.request('POST', `/api/inbox/${code}/actions`, { headers: lan, body });
  await act({ type: 'acknowledge' });
  expect((await act({ type: 'answer', text: ANSWER, summary: 'Kiến nghị về hồ sơ lý lịch tư pháp trả chậm.' })).status).toBe(200);

  // The second official sees the original and exactly what will be published, and edits it.
  const reviewer = await stack.newPage();
  await signIn(reviewer, 'tuphap.minh', `/inbox/${code}`);
  await reviewer.getByTestId('preview-answer').waitFor();
  expect(await reviewer.getByTestId('draft-text').textContent()).toBe(ANSWER);
  noSecrets('preview', (await reviewer.getByTestId('preview-answer').textContent())!);
  await reviewer.locator('.record .actions').getByRole('button', { name: 'Duyệt và công khai' }).click();
  const edit = reviewer.getByLabel('Trả lời', { exact: true });
  await edit.fill(`${await edit.inputValue()} Trân trọng.`);
  await reviewer.locator('form').getByRole('button', { name: 'Duyệt và công khai' }).click();
  await reviewer.getByTestId('published-answer').waitFor();
  const published = (await reviewer.getByTestId('published-answer').textContent())!;
  expect(published).toMatch(/ĐT 024 3825 3536\. Trân trọng\.$/);
  noSecrets('published answer', published);

  // The public tracking page.
  const citizen = await stack.newPage();
  await citizen.goto(`${stack.url}/track/${code}`);
  await citizen.getByTestId('answer').waitFor();
  expect(await citizen.getByTestId('answer-question').textContent()).toContain('Kiến nghị về hồ sơ lý lịch tư pháp trả chậm.');
  noSecrets('tracking page', (await citizen.locator('body').textContent())!);

  // The statistics file and page.
  const before = JSON.parse(await republish()).answers.find((a: { answer: string }) => a.answer === published);
  expect(before).toBeDefined();
  noSecrets('stats file', await readPublished(`${month}.json`));
  const stats = await stack.newPage();
  await stats.goto(`${stack.url}/stats`);
  // The answers section draws when it comes near the screen (below the fold on first render).
  await stats.locator('#answers').scrollIntoViewIfNeeded();
  await stats.fill('#answer-search', 'Trân trọng');
  await stats.locator('ol.answers > li', { hasText: 'lý lịch tư pháp trả chậm' }).waitFor();
  noSecrets('stats page', (await stats.locator('body').textContent())!);

  // Erasure and a republication change no published byte and reveal nothing.
  const erased = await act({ type: 'erase-contact', reason: 'Người gửi yêu cầu xóa' });
  expect(erased.status).toBe(200);
  const after = await republish();
  noSecrets('stats file after erasure', after);
  expect(JSON.parse(after).answers).toContainEqual(before);
  expect((await stack.api.request('GET', `/api/feedback/${code}`)).json.answer.text).toBe(published);
  await stats.reload();
  await stats.locator('#answers').scrollIntoViewIfNeeded();
  await stats.fill('#answer-search', 'Trân trọng');
  await stats.locator('ol.answers > li', { hasText: 'lý lịch tư pháp trả chậm' }).waitFor();
  noSecrets('stats page after erasure', (await stats.locator('body').textContent())!);
}, 120_000);
