/**
 * The isolation matrix: every demo official × every department. Another department's record is
 * 404 and never appears in lists, counts or exports; contact data only for the owning department.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demo from '../../local/demo/officials.json' with { type: 'json' };
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, COUNTER_OF, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
const codes = new Map<string, string>();
const DEPARTMENTS = Object.keys(COUNTER_OF);

beforeAll(async () => {
  api = await startTestApi({ auth: true });
  for (const department of DEPARTMENTS) {
    codes.set(department, await submitPetition(api, department, { contact: { name: `Công dân ${department}`, phone: '0912345678' } }));
  }
});
afterAll(() => api?.close());

describe('isolation matrix', () => {
  it('covers every department with at least one official, and an admin', async () => {
    const groups = api.oidc!.officials.flatMap((o) => o.groups);
    for (const department of DEPARTMENTS) expect(groups).toContain(`dept-${department}`);
    expect(groups).toContain('admin');
  });

  it.each(demo.officials.map((o) => [o.username, o] as const))('%s: records, lists, counts and exports', async (_name, official) => {
    const admin = official.groups.includes('admin');
    // A lead (lead-<id>) is an official of the department too.
    const own = official.groups.filter((g) => g.startsWith('dept-') || g.startsWith('lead-')).map((g) => g.slice(5));
    const headers = bearer(await tokenFor(api, official.username));

    for (const department of DEPARTMENTS) {
      const code = codes.get(department)!;
      const allowed = admin || own.includes(department);
      const detail = await api.request('GET', `/api/inbox/${code}`, { headers });
      expect(detail.status, `${official.username} GET ${department}`).toBe(allowed ? 200 : 404);
      if (allowed) {
        expect(Boolean(detail.json.contact), `${official.username} contact of ${department}`).toBe(own.includes(department));
        expect(detail.json.contactHidden).toBe(!own.includes(department));
      } else {
        expect(detail.json.error.code).toBe('not_found');
        expect(detail.text).not.toContain(department);
      }
      const action = await api.request('POST', `/api/inbox/${code}/actions`, { headers, body: { type: 'note', text: 'kiểm tra' } });
      expect(action.status, `${official.username} note on ${department}`).toBe(allowed ? 200 : 404);

      const list = await api.request('GET', `/api/inbox?departmentId=${department}`, { headers });
      expect(list.status, `${official.username} list ${department}`).toBe(allowed ? 200 : 404);
      const csv = await api.request('GET', `/api/inbox/export.csv?departmentId=${department}`, { headers });
      expect(csv.status).toBe(allowed ? 200 : 404);
      if (allowed) {
        expect(list.json.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([code]);
        expect(list.json.items[0].contact).toBeUndefined();
        expect(csv.text).toContain(code);
        expect(csv.text.includes('Điện thoại'), `${official.username} export contact columns of ${department}`).toBe(own.includes(department));
        expect(csv.text.includes('0912345678')).toBe(own.includes(department));
      }
    }

    // Their default view: only their own department's record, counted once.
    const list = await api.request('GET', '/api/inbox', { headers });
    const expected = admin ? 'tiep-nhan-chung' : own[0]!;
    expect(list.json.departmentId).toBe(expected);
    expect(list.json.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([codes.get(expected)]);
    expect(list.json.counts.byStatus).toEqual({ received: 1 });
    const csv = await api.request('GET', '/api/inbox/export.csv', { headers });
    for (const [department, code] of codes) if (department !== expected) expect(csv.text).not.toContain(code);
  });

  it('a bulk action on another department\'s record fails for that record only, as not found', async () => {
    const headers = bearer(await tokenFor(api, 'tuphap.lan'));
    const response = await api.request('POST', '/api/inbox/bulk-actions', {
      headers,
      body: { type: 'acknowledge', trackingCodes: [codes.get('so-tu-phap'), codes.get('so-xay-dung')] },
    });
    expect(response.status).toBe(200);
    expect(response.json.results).toEqual([
      { trackingCode: codes.get('so-tu-phap'), ok: true, status: 'acknowledged' },
      { trackingCode: codes.get('so-xay-dung'), ok: false, error: { code: 'not_found', message: expect.any(String) } },
    ]);
  });

  it('marking a record a duplicate of another department\'s record is refused like an unknown code', async () => {
    const headers = bearer(await tokenFor(api, 'xaydung.tuan'));
    const response = await api.request('POST', `/api/inbox/${codes.get('so-xay-dung')}/actions`, { headers, body: { type: 'duplicate', of: codes.get('so-tu-phap') } });
    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('unknown_original');
  });
});
