/** GET /api/inbox and the exports over the demo history: order, filters, paging, counts, formats. */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let headers: Record<string, string>;
type Item = { trackingCode: string; dueAt: string; status: string; kind: string; counterId: string; comment?: string };

beforeAll(async () => {
  api = await startTestApi({ auth: true, seedHistory: true });
  headers = bearer(await tokenFor(api, 'benthanh.ngoc'));
});
afterAll(() => api?.close());

const list = async (query = '') => {
  const response = await api.request('GET', `/api/inbox${query}`, { headers });
  expect(response.status, response.text).toBe(200);
  return response.json as { items: Item[]; nextCursor: string | null; counts: { byStatus: Record<string, number> }; departmentId: string };
};

async function all(query: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`${query}${query ? '&' : '?'}limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /api/inbox', () => {
  it('open work, soonest due first, with counts per open status', async () => {
    const page = await list();
    expect(page.departmentId).toBe('ubnd-phuong-ben-thanh');
    const dues = page.items.map((i) => i.dueAt);
    expect(dues).toEqual([...dues].sort());
    expect(page.items.every((i) => ['received', 'acknowledged', 'in_progress', 'transferred'].includes(i.status))).toBe(true);
    const total = Object.values(page.counts.byStatus).reduce((a, b) => a + b, 0);
    expect(total).toBe((await all('')).length);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const paged = await all('');
    const whole = (await list('?limit=500')).items;
    expect(paged.map((i) => i.trackingCode)).toEqual(whole.map((i) => i.trackingCode));
    expect(new Set(paged.map((i) => i.trackingCode)).size).toBe(paged.length);
  });

  it('filters by status, kind, counter and overdue; done work comes from the done queue', async () => {
    for (const item of await all('?kind=pakn')) expect(item.kind).toBe('pakn');
    for (const item of await all('?counterId=bt-quay-02')) expect(item.counterId).toBe('bt-quay-02');
    const overdue = await all('?overdue=true');
    for (const item of overdue) expect(Date.parse(item.dueAt)).toBeLessThan(Date.now());
    const answered = await all('?status=answered');
    expect(answered.length).toBeGreaterThan(0);
    for (const item of answered) expect(item.status).toBe('answered');
  });

  it('q searches comments without caring about diacritics or case', async () => {
    const code = await submitPetition(api, 'ubnd-phuong-ben-thanh', { comment: 'Đề nghị bố trí ghế chờ cho người cao tuổi ở tầng hai.' });
    const found = await all('?q=GHE%20CHO%20nguoi%20cao%20tuoi');
    expect(found.map((i) => i.trackingCode)).toContain(code);
    // Every word of the query, with or without its diacritics, in every result.
    for (const item of found) for (const word of [/gh[eế]/i, /ch[oờ]/i, /ngư[ờ]i/i, /cao/i, /tuổi/i]) expect(item.comment).toMatch(word);
  });

  it('rejects bad queries and tampered cursors with 400', async () => {
    expect((await api.request('GET', '/api/inbox?status=lost', { headers })).status).toBe(400);
    expect((await api.request('GET', '/api/inbox?from=yesterday', { headers })).json.error.code).toBe('validation_failed');
    expect((await api.request('GET', '/api/inbox?cursor=%%%', { headers })).json.error.code).toBe('invalid_cursor');
  });
});

describe('exports', () => {
  it('CSV: UTF-8 with BOM, header in Vietnamese, one row per listed item, contact columns for the owner', async () => {
    const response = await fetch(`${api.url}/api/inbox/export.csv?kind=pakn`, { headers });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="gop-y-ubnd-phuong-ben-thanh-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Mã tra cứu,Loại,Kênh,Trạng thái,.*,Họ tên,Điện thoại,Email,Địa chỉ$/);
    const rows = lines.slice(1).filter((line) => /^GY-/.test(line));
    expect(rows.length).toBe((await all('?kind=pakn')).length);
  });

  it('XLSX: a workbook with the same rows', async () => {
    const response = await fetch(`${api.url}/api/inbox/export.xlsx?kind=pakn`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('Mã tra cứu');
    expect((sheet.match(/<row /g) ?? []).length).toBe((await all('?kind=pakn')).length + 1);
  });
});
