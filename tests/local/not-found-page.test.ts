/** An unknown address gets the styled, phone-ready 404 page (kiosk/404.html), with status 404. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensurePagesBuilt } from '#local/pages';
import { startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  await ensurePagesBuilt({ quiet: true });
  api = await startTestApi();
});
afterAll(() => api?.close());

test('an unknown page answers 404 with the styled page: viewport, stylesheet, both languages, a way on', async () => {
  const response = await api.request('GET', '/khong-co-trang-nay');

  expect(response.status).toBe(404);
  expect(response.text).toContain('name="viewport"');
  expect(response.text).toMatch(/<link rel="stylesheet"[^>]+\/assets\//);
  expect(response.text).toContain('Không tìm thấy trang này');
  expect(response.text).toContain('Page not found');
  expect(response.text).toContain('href="/track"');
});
