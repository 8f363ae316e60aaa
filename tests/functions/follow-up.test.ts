/** POST /api/feedback/{code}/follow-up: a new petition about the result of a published answer, through the real API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { answeredPetition, bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi({ auth: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
});
afterAll(() => api?.close());

const TEXT = 'Tôi đã nhận trả lời nhưng quầy vẫn yêu cầu bản sao chứng thực. Đề nghị xem lại.';
const followUp = (code: string, body: unknown, key = crypto.randomUUID()) =>
  api.request('POST', `/api/feedback/${code}/follow-up`, { body, headers: { 'idempotency-key': key } });
const detail = async (code: string) => (await api.request('GET', `/api/inbox/${code}`, { headers: lan })).json;
const tracking = async (code: string) => (await api.request('GET', `/api/feedback/${code}`)).json;

describe('POST /api/feedback/{code}/follow-up', () => {
  it('creates a petition for the same department with the original’s contact and consent, linked both ways', async () => {
    const original = await answeredPetition(api, 'so-tu-phap', { contact: { name: 'Trần Thị Bình', phone: '0903111222' } });

    const response = await followUp(original, { text: TEXT });

    expect(response.status, response.text).toBe(201);
    expect(response.json).toEqual({ trackingCode: expect.stringMatching(/^GY-/), followUpOf: original });
    const code = response.json.trackingCode as string;
    const created = await detail(code);
    expect(created).toMatchObject({
      kind: 'pakn',
      status: 'received',
      departmentId: 'so-tu-phap',
      comment: TEXT,
      contact: { name: 'Trần Thị Bình', phone: '0903111222' },
      consent: true,
      followUpOf: original,
      dueAt: expect.stringMatching(/T23:59:59\+07:00$/),
    });
    expect(created.routing.at(-1)).toMatchObject({ rule: 'follow-up', to: 'so-tu-phap' });
    expect((await detail(original)).followUps).toEqual([code]);
    expect((await detail(original)).events.at(-1)).toMatchObject({ type: 'follow-up', by: { id: 'citizen' }, details: { trackingCode: code } });
    expect((await tracking(original)).followUps).toEqual([code]);
    expect((await tracking(code)).followUpOf).toBe(original);
    expect(JSON.stringify(await tracking(code))).not.toContain('0903111222');
  });

  it('answers a resent request (same Idempotency-Key) with the same record, created and linked once', async () => {
    const original = await answeredPetition(api, 'so-tu-phap');
    const key = crypto.randomUUID();

    const first = await followUp(original, { text: TEXT }, key);
    const again = await followUp(original, { text: TEXT }, key);

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.json).toEqual(first.json);
    const record = await detail(original);
    expect(record.followUps).toEqual([first.json.trackingCode]);
    expect(record.events.filter((e: { type: string }) => e.type === 'follow-up')).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another text (409)', async () => {
    const original = await answeredPetition(api, 'so-tu-phap');
    const key = crypto.randomUUID();
    await followUp(original, { text: TEXT }, key);

    const other = await followUp(original, { text: 'Nội dung khác' }, key);

    expect([other.status, other.json.error.code]).toEqual([409, 'idempotency_conflict']);
  });

  it('refuses with 409 not_answered while nothing is published, and creates nothing', async () => {
    const code = await submitPetition(api, 'so-tu-phap');

    const response = await followUp(code, { text: TEXT });

    expect([response.status, response.json.error.code]).toEqual([409, 'not_answered']);
    expect((await detail(code)).followUps).toBeUndefined();
  });

  it.each([
    ['an empty text', { text: '   ' }],
    ['a text over 4000 characters', { text: 'a'.repeat(4001) }],
    ['an extra field', { text: 'ok', departmentId: 'so-tai-chinh' }],
    ['no text', {}],
  ])('rejects %s with 400 and writes nothing', async (_name, body) => {
    const original = await answeredPetition(api, 'so-tu-phap');
    const versionBefore = (await detail(original)).version;

    const response = await followUp(original, body);

    expect([response.status, response.json.error.code]).toEqual([400, 'validation_failed']);
    const after = await detail(original);
    expect([after.version, after.followUps]).toEqual([versionBefore, undefined]);
  });

  it('answers 404 for an unknown or malformed code', async () => {
    const responses = [await followUp('GY-22222-22222', { text: TEXT }), await followUp('not-a-code', { text: TEXT })];

    expect(responses.map((r) => [r.status, r.json.error.code])).toEqual([
      [404, 'unknown_tracking_code'],
      [404, 'unknown_tracking_code'],
    ]);
  });
});
