/**
 * Duty at a counter: an official starts and ends it, one official per counter (a new start
 * replaces the previous one), only at their own department's counters; the counter's public view
 * names them (never an id); a rating given there is attributed to them by the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFeedback } from '#functions/lib/feedback-store';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
let minh: Record<string, string>;
let son: Record<string, string>;
const COUNTER = 'stp-quay-02'; // Sở Tư pháp

beforeAll(async () => {
  api = await startTestApi({ auth: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
  minh = bearer(await tokenFor(api, 'tuphap.minh'));
  son = bearer(await tokenFor(api, 'taichinh.son'));
});
afterAll(() => api?.close());

const duty = (headers: Record<string, string>, counterId: string | null) => api.request('POST', '/api/inbox/duty', { headers, body: { counterId } });
const rate = (key: string, extra: Record<string, unknown> = {}) =>
  api.request('POST', '/api/feedback', {
    headers: { 'idempotency-key': key },
    body: { counterId: COUNTER, kind: 'rating', channel: 'kiosk', rating: 5, ...extra },
  });

describe('POST /api/inbox/duty', () => {
  it('starts duty at an own counter; the public counter view names the official, never an id', async () => {
    const started = await duty(lan, COUNTER);
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({ counterId: COUNTER, official: { name: 'Nguyễn Thị Lan' } });
    expect(started.json.official.id).toEqual(expect.any(String));
    expect(Date.parse(started.json.since)).not.toBeNaN();

    const counter = await api.request('GET', `/api/counters/${COUNTER}`);
    expect(counter.json.onDuty).toEqual({ name: 'Nguyễn Thị Lan' });
    expect(counter.text).not.toContain(started.json.official.id);
    expect(counter.text).not.toContain('tuphap.lan');
    expect((await api.request('GET', '/api/inbox/duty', { headers: lan })).json.counterId).toBe(COUNTER);
  });

  it('attributes a kiosk rating to the official on duty, whatever the client sends', async () => {
    const forged = await rate('duty-forged-0001', { officialId: 'someone-else' });
    expect(forged.status).toBe(400); // the client cannot name an official
    const rated = await rate('duty-rating-0001');
    expect(rated.status).toBe(201);
    const record = await getFeedback(rated.json.trackingCode);
    expect(record).toMatchObject({ officialName: 'Nguyễn Thị Lan', officialId: expect.any(String) });
  });

  it('a new start replaces the previous official; the replaced one is no longer on duty', async () => {
    expect((await duty(minh, COUNTER)).status).toBe(200);
    expect((await api.request('GET', `/api/counters/${COUNTER}`)).json.onDuty).toEqual({ name: 'Phạm Văn Minh' });
    expect((await api.request('GET', '/api/inbox/duty', { headers: lan })).json.counterId).toBeNull();
    const rated = await rate('duty-rating-0002');
    expect((await getFeedback(rated.json.trackingCode))?.officialName).toBe('Phạm Văn Minh');
    // Lan ending "her" duty must not remove Minh.
    expect((await duty(lan, null)).json.counterId).toBeNull();
    expect((await api.request('GET', `/api/counters/${COUNTER}`)).json.onDuty).toEqual({ name: 'Phạm Văn Minh' });
  });

  it("refuses another department's counter and writes nothing", async () => {
    const refused = await duty(son, COUNTER);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('not_your_counter');
    expect((await api.request('GET', `/api/counters/${COUNTER}`)).json.onDuty).toEqual({ name: 'Phạm Văn Minh' });
    expect((await duty(son, 'no-such-counter')).status).toBe(404);
    expect((await api.request('POST', '/api/inbox/duty', { body: { counterId: COUNTER } })).status).toBe(401);
  });

  it('ends duty: the counter names nobody and later ratings are not attributed', async () => {
    const ended = await duty(minh, null);
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ counterId: null, since: null });
    expect((await api.request('GET', `/api/counters/${COUNTER}`)).json.onDuty).toBeNull();
    const rated = await rate('duty-rating-0003');
    expect((await getFeedback(rated.json.trackingCode))?.officialId).toBeUndefined();
  });

  it('does not credit the official with a rating pressed offline before their duty began', async () => {
    await duty(lan, COUNTER);
    const rated = await rate('duty-rating-0004', { submittedAt: '2020-01-01T08:00:00+07:00' });
    expect((await getFeedback(rated.json.trackingCode))?.officialId).toBeUndefined();
    await duty(lan, null);
  });
});
