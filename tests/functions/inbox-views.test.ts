/** GET /api/inbox?view=mine|awaiting-approval|due-soon: each official's queues, with their counts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueSoonLimit } from '#shared/inbox';
import { toLocalIso } from '#shared/time';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
let minh: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi({ auth: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
  minh = bearer(await tokenFor(api, 'tuphap.minh'));
});
afterAll(() => api?.close());

const act = async (code: string, body: Record<string, unknown>, headers = lan) => {
  const response = await api.request('POST', `/api/inbox/${code}/actions`, { body, headers });
  expect(response.status, response.text).toBe(200);
  return response.json;
};
const view = async (name: string, headers = lan) => {
  const response = await api.request('GET', `/api/inbox?view=${name}`, { headers });
  expect(response.status, response.text).toBe(200);
  return response.json as { items: { trackingCode: string; dueAt: string }[]; counts: { byView: Record<string, number> } };
};
const codes = (page: { items: { trackingCode: string }[] }) => page.items.map((i) => i.trackingCode);

describe('inbox views', () => {
  it('awaiting-approval lists a draft for a second official, never for its author, who is not offered approval', async () => {
    const code = await submitPetition(api, 'so-tu-phap');
    await act(code, { type: 'acknowledge' });
    const drafted = await act(code, { type: 'answer', text: 'Sở đã tiếp thu và sẽ công khai thời gian giải quyết.', summary: 'Đề nghị công khai thời gian giải quyết.' });
    expect(drafted.actions).not.toContain('approve');
    const second = await view('awaiting-approval', minh);
    expect(codes(second)).toContain(code);
    expect(second.counts.byView['awaiting-approval']).toBe(second.items.length);
    expect(codes(await view('awaiting-approval', lan))).not.toContain(code);
    expect((await api.request('GET', `/api/inbox/${code}`, { headers: minh })).json.actions).toContain('approve');
  });

  it('mine lists what is assigned to me', async () => {
    const code = await submitPetition(api, 'so-tu-phap');
    await act(code, { type: 'acknowledge' });
    await act(code, { type: 'assign', officialId: 'tuphap.minh' });
    const mine = await view('mine', minh);
    expect(codes(mine)).toContain(code);
    expect(mine.counts.byView.mine).toBe(mine.items.length);
    expect(codes(await view('mine', lan))).not.toContain(code);
  });

  it('due-soon holds petitions due by the end of the next working day, overdue ones included', async () => {
    const key = `views-late-${Date.now()}`;
    const late = await api.request('POST', '/api/inbox/intake', {
      headers: { ...lan, 'idempotency-key': key },
      body: { counterId: 'stp-quay-02', kind: 'pakn', channel: 'letter', comment: 'Thư gửi đã lâu.', contact: { name: 'Lê Văn Tám', address: '1 Hàm Nghi' }, consent: true, receivedAt: toLocalIso(new Date(Date.now() - 40 * 86_400_000)) },
    });
    expect(late.status, late.text).toBe(201);
    const fresh = await submitPetition(api, 'so-tu-phap');
    const soon = await view('due-soon');
    expect(codes(soon)).toContain(late.json.trackingCode);
    expect(codes(soon)).not.toContain(fresh);
    for (const item of soon.items) expect(item.dueAt <= dueSoonLimit(new Date())).toBe(true);
  });

  it('an unknown view is refused', async () => {
    expect((await api.request('GET', '/api/inbox?view=everything', { headers: lan })).status).toBe(400);
  });
});
