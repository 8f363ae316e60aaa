/** GET /api/inbox and the exports over the demo history: order, filters, paging, counts, formats. */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, COUNTER_OF, officialOf, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let headers: Record<string, string>;
type Item = { trackingCode: string; dueAt: string; receivedAt: string; status: string; kind: string; counterId: string; departmentId: string; comment?: string };

beforeAll(async () => {
  api = await startTestApi({ auth: true, seedHistory: true });
  headers = bearer(await tokenFor(api, 'benthanh.ngoc'));
});
afterAll(() => api?.close());

const list = async (query = '', as = headers) => {
  const response = await api.request('GET', `/api/inbox${query}`, { headers: as });
  expect(response.status, response.text).toBe(200);
  return response.json as { items: Item[]; nextCursor: string | null; counts: { byStatus: Record<string, number> }; departmentId: string };
};

async function all(query: string, as = headers, limit = 7): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`${query}${query ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, as);
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

  it('a rating’s comment is to read: no deadline, its own view (oldest first), never open work or overdue', async () => {
    const submitted = await api.request('POST', '/api/feedback', { body: { counterId: COUNTER_OF['ubnd-phuong-ben-thanh'], kind: 'rating', channel: 'qr', rating: 5, comment: 'Hồ sơ được trả đúng hẹn, cảm ơn quầy.' } });
    const code = submitted.json.trackingCode as string;

    const toRead = await all('?status=to-read', headers, 50);
    const open = await all('', headers, 200);
    const overdue = await all('?status=to-read&overdue=true');

    expect(submitted.json.dueAt).toBeNull();
    expect(toRead.find((i) => i.trackingCode === code)).toMatchObject({ kind: 'rating', dueAt: null, sla: { state: 'none' } });
    const received = toRead.map((i) => i.receivedAt);
    expect(received).toEqual([...received].sort());
    expect(open.some((i) => i.trackingCode === code)).toBe(false);
    expect(overdue).toEqual([]);
    const read = await api.request('POST', `/api/inbox/${code}/actions`, { headers, body: { type: 'close' } });
    expect(read.status, read.text).toBe(200);
    expect((await all('?status=to-read', headers, 50)).some((i) => i.trackingCode === code)).toBe(false);
    expect((await all('?status=closed', headers, 200)).some((i) => i.trackingCode === code)).toBe(true);
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

describe('the admin: all departments at once', () => {
  let admin: Record<string, string>;
  const DEPARTMENTS = Object.keys(COUNTER_OF);
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  beforeAll(async () => {
    admin = bearer(await tokenFor(api, officialOf(api, 'admin')));
  });

  it('lists items of several departments, soonest due first, each with its department', async () => {
    const page = await list('?departmentId=all&limit=100', admin);
    expect(page.departmentId).toBe('all');
    expect(new Set(page.items.map((i) => i.departmentId)).size).toBeGreaterThan(1);
    const dues = page.items.map((i) => i.dueAt);
    expect(dues).toEqual([...dues].sort());
  });

  it('pages across departments: every open item exactly once, in order', async () => {
    const perDepartment = (await Promise.all(DEPARTMENTS.map((d) => all(`?departmentId=${d}`, admin, 500)))).flat();
    const paged = await all('?departmentId=all', admin, 7);
    expect(paged.length).toBeGreaterThan(3 * 7); // several pages
    expect(new Set(paged.map((i) => i.trackingCode)).size).toBe(paged.length);
    expect(paged.map((i) => i.trackingCode).sort()).toEqual(perDepartment.map((i) => i.trackingCode).sort());
    const keys = paged.map((i) => `${i.dueAt}#${i.trackingCode}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('pages filtered and done work the same way (done: latest due first)', async () => {
    const done = await all('?departmentId=all&status=done', admin, 5);
    const perDepartment = (await Promise.all(DEPARTMENTS.map((d) => all(`?departmentId=${d}&status=done`, admin, 500)))).flat();
    expect(done.map((i) => i.trackingCode).sort()).toEqual(perDepartment.map((i) => i.trackingCode).sort());
    // Read comments (no deadline) sit in the done queue by their receipt.
    const keys = done.map((i) => `${i.dueAt ?? i.receivedAt}#${i.trackingCode}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const pakn = await all('?departmentId=all&kind=pakn', admin, 4);
    expect(pakn.length).toBeGreaterThan(0);
    for (const item of pakn) expect(item.kind).toBe('pakn');
    expect(new Set(pakn.map((i) => i.trackingCode)).size).toBe(pakn.length);
  });

  it('a selective search stays in due order even when some departments read nothing yet', async () => {
    const comment = 'Đề nghị lắp thêm quạt mát ở khu vực chờ trong mùa nắng.';
    const codes = [];
    for (const d of ['ubnd-phuong-ben-thanh', 'so-xay-dung', 'ubnd-xa-binh-chanh', 'tiep-nhan-chung']) codes.push(await submitPetition(api, d, { comment }));
    const found = await all('?departmentId=all&q=quat%20mat%20mua%20nang', admin, 1);
    expect(found.map((i) => i.trackingCode).sort()).toEqual(codes.sort());
    const keys = found.map((i) => `${i.dueAt}#${i.trackingCode}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('counts are the sum of the departments\' counts', async () => {
    const whole = (await list('?departmentId=all', admin)).counts.byStatus;
    const expected: Record<string, number> = {};
    for (const d of DEPARTMENTS) {
      for (const [status, n] of Object.entries((await list(`?departmentId=${d}`, admin)).counts.byStatus)) expected[status] = (expected[status] ?? 0) + n;
    }
    expect(whole).toEqual(expected);
    expect(sum(whole)).toBe((await all('?departmentId=all', admin, 500)).length);
  });

  it('a department official asking for all is refused with 403', async () => {
    for (const path of ['/api/inbox?departmentId=all', '/api/inbox/export.csv?departmentId=all', '/api/inbox/alerts?departmentId=all']) {
      const response = await api.request('GET', path, { headers });
      expect(response.status, path).toBe(403);
      expect(response.json.error.code).toBe('admin_only');
    }
  });

  it('rejects a tampered all-departments cursor with 400', async () => {
    const forged = Buffer.from(JSON.stringify({ 'no-such-department': '' })).toString('base64url');
    expect((await api.request('GET', `/api/inbox?departmentId=all&cursor=${forged}`, { headers: admin })).json.error.code).toBe('invalid_cursor');
  });

  it('exports all departments for the admin, without contact columns', async () => {
    const response = await fetch(`${api.url}/api/inbox/export.csv?departmentId=all&kind=pakn`, { headers: admin });
    expect(response.status).toBe(200);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).not.toMatch(/Họ tên|Điện thoại|Email|Địa chỉ/);
    expect(lines.filter((line) => /^GY-/.test(line)).length).toBe((await all('?departmentId=all&kind=pakn', admin, 500)).length);
  });
});
