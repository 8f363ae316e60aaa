/** POST /api/inbox/intake on the real local stack: phone, letter and walk-in petitions entered by officials. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duePending } from '#functions/lib/outbox';
import { toLocalIso } from '#shared/time';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi({ auth: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
});
afterAll(() => api?.close());

const phoneCall = {
  counterId: 'stp-quay-02',
  kind: 'pakn',
  channel: 'phone',
  comment: 'Ông gọi điện phản ánh: hồ sơ chứng thực chờ quá lâu, đề nghị bố trí thêm người.',
  contact: { name: 'Trần Văn Hùng', phone: '0912 777 888' },
  consent: true,
};
let keyCount = 0;
const intake = (body: unknown, headers: Record<string, string> = lan, key = `intake-test-${++keyCount}-${Date.now()}`) =>
  api.request('POST', '/api/inbox/intake', { body, headers: { ...headers, 'idempotency-key': key } });

describe('POST /api/inbox/intake', () => {
  it('enters a phone petition in the official’s department, says who entered it, and confirms to the citizen', async () => {
    const now = new Date();
    const response = await intake(phoneCall);
    expect(response.status, response.text).toBe(201);
    expect(response.json).toMatchObject({ status: 'received', channel: 'phone', department: { id: 'so-tu-phap' }, enteredBy: { id: 'tuphap.lan' } });
    const code = response.json.trackingCode as string;
    const detail = await api.request('GET', `/api/inbox/${code}`, { headers: lan });
    expect(detail.json).toMatchObject({ source: 'inbox', channel: 'phone', contact: { name: 'Trần Văn Hùng' } });
    expect(detail.json.events[0]).toMatchObject({ type: 'intake', by: { id: 'tuphap.lan', username: 'Nguyễn Thị Lan' } });
    const notices = (await duePending(new Date(now.getTime() + 60_000), 500)).filter((m) => m.ref.trackingCode === code);
    expect(notices.map((m) => [m.channel, m.to])).toEqual([['sms', '0912777888']]);
  });

  it('a resent form (same key, same body) answers the same record once', async () => {
    const key = `intake-replay-${Date.now()}`;
    const first = await intake({ ...phoneCall, channel: 'counter' }, lan, key);
    const again = await intake({ ...phoneCall, channel: 'counter' }, lan, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replay')).toBe('true');
    expect(again.json.trackingCode).toBe(first.json.trackingCode);
    const events = (await api.request('GET', `/api/inbox/${first.json.trackingCode}`, { headers: lan })).json.events;
    expect(events.filter((e: { type: string }) => e.type === 'intake')).toHaveLength(1);
  });

  it('a letter received days ago keeps its day of receipt; a future day is refused and writes nothing', async () => {
    const received = toLocalIso(new Date(Date.now() - 3 * 86_400_000));
    const letter = { ...phoneCall, channel: 'letter', contact: { name: 'Lê Thị Mai', address: '12 Lê Lợi, phường Bến Thành' }, receivedAt: received };
    const ok = await intake(letter);
    expect(ok.status, ok.text).toBe(201);
    expect(ok.json.receivedAt).toBe(received);
    const future = await intake({ ...letter, receivedAt: toLocalIso(new Date(Date.now() + 86_400_000)) });
    expect(future.status).toBe(400);
    expect(future.json.error.code).toBe('received_in_future');
  });

  it('a procedure of another department routes there', async () => {
    const catalog = await api.request('GET', '/api/procedures?q=dat%20dai');
    const other = (catalog.json as { code: string; department?: { id: string }; departmentId?: string }[]).find((p) => (p.department?.id ?? p.departmentId) !== 'so-tu-phap');
    expect(other).toBeDefined();
    const response = await intake({ ...phoneCall, procedureCode: other!.code });
    expect(response.status, response.text).toBe(201);
    expect(response.json.department.id).not.toBe('so-tu-phap');
  });

  it('refuses online channels, another department’s counter, a missing key and the public', async () => {
    expect((await intake({ ...phoneCall, channel: 'web' })).json.error.code).toBe('validation_failed');
    const elsewhere = await intake({ ...phoneCall, counterId: 'bt-quay-01' });
    expect([elsewhere.status, elsewhere.json.error.code]).toEqual([403, 'not_your_counter']);
    const keyless = await api.request('POST', '/api/inbox/intake', { body: phoneCall, headers: lan });
    expect(keyless.json.error.code).toBe('missing_idempotency_key');
    expect((await intake(phoneCall, {})).status).toBe(401);
    expect((await intake({ ...phoneCall, consent: undefined })).json.error.code).toBe('missing_fields');
  });
});
