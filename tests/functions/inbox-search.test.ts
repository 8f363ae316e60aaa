/** GET /api/inbox?q= finds what callers have in hand: the tracking code, their name, their phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
let code: string;
beforeAll(async () => {
  api = await startTestApi({ auth: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
  code = await submitPetition(api, 'so-tu-phap', { contact: { name: 'Đặng Thị Ánh Tuyết', phone: '0987 654 321' } });
  await submitPetition(api, 'so-tu-phap', { contact: { name: 'Người Khác', phone: '0911111111' } });
});
afterAll(() => api?.close());

const search = async (q: string, headers = lan, extra = '') => {
  const response = await api.request('GET', `/api/inbox?q=${encodeURIComponent(q)}${extra}`, { headers });
  expect(response.status, response.text).toBe(200);
  return (response.json.items as { trackingCode: string }[]).map((i) => i.trackingCode);
};

describe('GET /api/inbox?q=', () => {
  it('finds a record by its whole tracking code, without dashes, and by its middle group', async () => {
    const [, middle] = code.split('-');
    expect(await search(code)).toEqual([code]);
    expect(await search(code.replace(/-/g, '').toLowerCase())).toEqual([code]);
    expect(await search(middle!)).toEqual([code]);
  });

  it('a whole code finds the record in any status filter, and nothing in another department', async () => {
    expect(await search(code, lan, '&status=done')).toEqual([code]);
    expect(await search(code, bearer(await tokenFor(api, 'benthanh.ngoc')))).toEqual([]);
  });

  it('finds the caller by name without diacritics and by phone typed with spaces or +84', async () => {
    expect(await search('dang thi anh tuyet')).toEqual([code]);
    expect(await search('0987 654 321')).toEqual([code]);
    expect(await search('+84 987 654 321')).toEqual([code]);
  });

  it('contact data is searched only in the owning department (not by the admin across departments)', async () => {
    const admin = bearer(await tokenFor(api, 'admin.tinh'));
    expect(await search('0987654321', admin, '&departmentId=all')).toEqual([]);
    expect(await search('anh tuyet', admin, '&departmentId=so-tu-phap')).toEqual([]);
  });
});
