/** POST /api/feedback/{code}/answer-rating: the citizen rates the published answer, through the real API. */
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

const rate = (code: string, body: unknown, key = crypto.randomUUID()) =>
  api.request('POST', `/api/feedback/${code}/answer-rating`, { body, headers: { 'idempotency-key': key } });
const detail = async (code: string) => (await api.request('GET', `/api/inbox/${code}`, { headers: lan })).json;

describe('POST /api/feedback/{code}/answer-rating', () => {
  it('records the rating: 200 with the tracking view carrying answerRating, the comment for the department only', async () => {
    const code = await answeredPetition(api, 'so-tu-phap');

    const response = await rate(code, { rating: 'dissatisfied', comment: '  Trả lời chưa đúng nội dung tôi hỏi.  ' });

    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ trackingCode: code, status: 'answered', answerRating: { rating: 'dissatisfied', at: expect.stringMatching(/\+07:00$/) } });
    expect(response.text).not.toContain('chưa đúng nội dung');
    expect((await api.request('GET', `/api/feedback/${code}`)).json.answerRating).toEqual(response.json.answerRating);
    const record = await detail(code);
    expect(record.answerRating).toMatchObject({ rating: 'dissatisfied', comment: 'Trả lời chưa đúng nội dung tôi hỏi.' });
    expect(record.events.at(-1)).toMatchObject({ type: 'answer-rated', by: { id: 'citizen' }, details: { rating: 'dissatisfied' } });
  });

  it('keeps the latest rating', async () => {
    const code = await answeredPetition(api, 'so-tu-phap');

    await rate(code, { rating: 'dissatisfied' });
    const second = await rate(code, { rating: 'satisfied' });

    expect(second.json.answerRating.rating).toBe('satisfied');
    expect((await detail(code)).answerRating.rating).toBe('satisfied');
  });

  it('answers a resent rating (same Idempotency-Key) with 200 and records it once', async () => {
    const code = await answeredPetition(api, 'so-tu-phap');
    const key = crypto.randomUUID();

    const first = await rate(code, { rating: 'acceptable' }, key);
    const again = await rate(code, { rating: 'acceptable' }, key);

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json).toEqual(first.json);
    expect((await detail(code)).events.filter((e: { type: string }) => e.type === 'answer-rated')).toHaveLength(1);
  });

  it('refuses with 409 not_answered while nothing is published, and writes nothing', async () => {
    const code = await submitPetition(api, 'so-tu-phap');

    const response = await rate(code, { rating: 'satisfied' });

    expect([response.status, response.json.error.code]).toEqual([409, 'not_answered']);
    expect((await api.request('GET', `/api/feedback/${code}`)).json.answerRating).toBeUndefined();
  });

  it.each([
    ['an unknown rating', { rating: 'angry' }],
    ['a star rating', { rating: 2 }],
    ['no rating', { comment: 'Không hài lòng' }],
    ['an extra field', { rating: 'satisfied', contact: { name: 'X' } }],
    ['a comment over 4000 characters', { rating: 'satisfied', comment: 'a'.repeat(4001) }],
  ])('rejects %s with 400 and writes nothing', async (_name, body) => {
    const code = await answeredPetition(api, 'so-tu-phap');
    const versionBefore = (await detail(code)).version;

    const response = await rate(code, body);

    expect([response.status, response.json.error.code]).toEqual([400, 'validation_failed']);
    const after = await detail(code);
    expect([after.version, after.answerRating]).toEqual([versionBefore, undefined]);
  });

  it('answers 404 for an unknown or malformed code', async () => {
    const responses = [await rate('GY-22222-22222', { rating: 'satisfied' }), await rate('not-a-code', { rating: 'satisfied' })];

    expect(responses.map((r) => [r.status, r.json.error.code])).toEqual([
      [404, 'unknown_tracking_code'],
      [404, 'unknown_tracking_code'],
    ]);
  });
});
