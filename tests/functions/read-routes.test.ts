import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('catalog routes', () => {
  it('GET /api/health answers 200', async () => {
    expect((await api.request('GET', '/api/health')).status).toBe(200);
  });

  it('GET /api/counters lists counters with their department', async () => {
    const { status, json } = await api.request('GET', '/api/counters');
    expect(status).toBe(200);
    expect(json).toContainEqual({ id: 'stp-quay-02', name: 'Quầy 02 — Sở Tư pháp', department: { id: 'so-tu-phap', name: 'Sở Tư pháp' } });
  });

  it('GET /api/counters/{id} gives the department SLA and the counter’s procedures', async () => {
    const { json } = await api.request('GET', '/api/counters/bt-quay-01');
    expect(json.department).toEqual({ id: 'ubnd-phuong-ben-thanh', name: 'UBND phường Bến Thành', answerSlaWorkingDays: 5 });
    expect(json.onDuty).toBeNull();
    expect(json.criteria.map((c: { id: string }) => c.id)).toEqual(['access', 'procedure', 'official', 'result', 'feedback_handling']);
    expect(json.procedures).toContainEqual({ code: '1.001193', name: 'Đăng ký khai sinh' });
  });

  it('GET /api/counters/{id} answers 404 for an unknown counter', async () => {
    const { status, json } = await api.request('GET', '/api/counters/khong-co');
    expect(status).toBe(404);
    expect(json.error.code).toBe('unknown_counter');
  });

  it('GET /api/procedures?q= ignores diacritics and case', async () => {
    const { json } = await api.request('GET', '/api/procedures?q=ho%20tich');
    expect(json.length).toBeGreaterThan(3);
    expect(json.every((p: { field?: string; name: string }) => /Hộ tịch/i.test(`${p.field} ${p.name}`))).toBe(true);
    const byCode = await api.request('GET', '/api/procedures?q=1.001193');
    expect(byCode.json[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh' });
  });
});

describe('GET /api/feedback/{trackingCode}', () => {
  it('shows status and department but never contact data', async () => {
    const created = await api.request('POST', '/api/feedback', {
      body: { counterId: 'stp-quay-02', kind: 'pakn', channel: 'web', comment: 'Xin hỏi', contact: { name: 'Phạm Thị Dung', phone: '0901234567', email: 'dung@example.vn' }, consent: true },
    });
    const { status, json, text } = await api.request('GET', `/api/feedback/${created.json.trackingCode}`);
    expect(status).toBe(200);
    expect(json).toMatchObject({ trackingCode: created.json.trackingCode, kind: 'pakn', status: 'received', department: { id: 'so-tu-phap' } });
    expect(text).not.toMatch(/Phạm Thị Dung|0901234567|dung@example/);
  });

  it('accepts a code typed in lower case without dashes', async () => {
    const created = await api.request('POST', '/api/feedback', { body: { counterId: 'stp-quay-02', kind: 'rating', channel: 'qr', rating: 4 } });
    const typed = created.json.trackingCode.toLowerCase().replace(/-/g, '');
    expect((await api.request('GET', `/api/feedback/${typed}`)).status).toBe(200);
  });

  it('answers 404 for unknown and invalid codes', async () => {
    expect((await api.request('GET', '/api/feedback/GY-22222-22222')).status).toBe(404);
    expect((await api.request('GET', '/api/feedback/%F0%9F%98%80')).status).toBe(404);
  });
});

describe('the adapter', () => {
  it('answers unknown API routes with 404 and the error shape', async () => {
    const { status, json } = await api.request('GET', '/api/nope');
    expect(status).toBe(404);
    expect(json.error.code).toBe('route_not_found');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const { status, headers } = await api.request('DELETE', '/api/feedback');
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('POST');
  });
});
