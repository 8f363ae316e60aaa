/** POST /api/feedback/{code}/info: the citizen answers an information request, through the real API. */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '#functions/deliver-notifications';
import { fileTransport } from '#functions/lib/transport';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
beforeAll(async () => {
  process.env.DEPARTMENT_ALERT_EMAIL = 'pakn.{departmentId}@example.gov.vn';
  api = await startTestApi({ auth: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
});
afterAll(async () => {
  delete process.env.DEPARTMENT_ALERT_EMAIL;
  await api?.close();
});

const act = (code: string, body: unknown) => api.request('POST', `/api/inbox/${code}/actions`, { headers: lan, body });
const reply = (code: string, body: unknown, key = crypto.randomUUID()) => api.request('POST', `/api/feedback/${code}/info`, { body, headers: { 'idempotency-key': key } });
const REQUEST = 'Kính gửi ông Nguyễn Văn An, đề nghị gửi số hồ sơ; liên hệ 0912345678 nếu cần.';

async function waitingPetition(): Promise<string> {
  const code = await submitPetition(api, 'so-tu-phap');
  expect((await act(code, { type: 'acknowledge' })).status).toBe(200);
  expect((await act(code, { type: 'request-info', text: REQUEST })).status).toBe(200);
  return code;
}

describe('the tracking view while the department waits', () => {
  it('shows what was asked, without the citizen’s name or phone', async () => {
    const code = await waitingPetition();

    const view = await api.request('GET', `/api/feedback/${code}`);

    expect(view.json.infoRequest).toEqual({ text: expect.stringContaining('đề nghị gửi số hồ sơ'), requestedAt: expect.stringMatching(/\+07:00$/) });
    expect(view.text).not.toContain('Nguyễn Văn An');
    expect(view.text).not.toContain('0912345678');
  });
});

describe('POST /api/feedback/{code}/info', () => {
  it('records the reply as info-received by the citizen, ends the wait and hides the request', async () => {
    const code = await waitingPetition();

    const response = await reply(code, { text: '  Số hồ sơ 000.00.12.H29-261104-0001.  ' });

    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ trackingCode: code, status: 'in_progress' });
    expect(response.json.infoRequest).toBeUndefined();
    const detail = await api.request('GET', `/api/inbox/${code}`, { headers: lan });
    expect(detail.json.waitingSince).toBeUndefined();
    expect(detail.json.events.at(-1)).toMatchObject({ type: 'info-received', by: { id: 'citizen' }, details: { text: 'Số hồ sơ 000.00.12.H29-261104-0001.' } });
  });

  it('flags the record in the department’s list until an official acts on it', async () => {
    const code = await waitingPetition();
    const flagged = async () => (await api.request('GET', '/api/inbox?status=in_progress', { headers: lan })).json.items.find((i: { trackingCode: string }) => i.trackingCode === code)?.citizenReplied;
    expect(await flagged()).toBe(false);

    expect((await reply(code, { text: 'Số hồ sơ 0007' })).status).toBe(200);
    const afterReply = await flagged();
    expect((await act(code, { type: 'note', text: 'Đã xem' })).status).toBe(200);

    expect([afterReply, await flagged()]).toEqual([true, false]);
  });

  it('e-mails the department a link to the record, without the citizen’s text', async () => {
    const code = await waitingPetition();

    expect((await reply(code, { text: 'Số hồ sơ riêng tư 0042' })).status).toBe(200);

    const dir = await mkdtemp(join(tmpdir(), 'gopy-info-'));
    // Delivery sends fair batches (a few per recipient per run): run it until the outbox is empty.
    while ((await deliverDue({ transport: fileTransport(dir), now: new Date() })).delivered > 0);
    const sent = await Promise.all((await readdir(dir)).map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8'))));
    const toDepartment = sent.filter((m) => m.subject === `Người gửi đã bổ sung thông tin: ${code}`);
    expect(toDepartment).toEqual([expect.objectContaining({ channel: 'email', to: 'pakn.so-tu-phap@example.gov.vn', text: expect.stringContaining(`/inbox/${code}`) })]);
    expect(toDepartment[0].text).not.toContain('0042');
  });

  it('answers a resent reply (same Idempotency-Key) with 200 and records it once', async () => {
    const code = await waitingPetition();
    const key = crypto.randomUUID();

    const first = await reply(code, { text: 'Số hồ sơ 0001' }, key);
    const again = await reply(code, { text: 'Số hồ sơ 0001' }, key);

    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.json).toEqual(first.json);
    const events = (await api.request('GET', `/api/inbox/${code}`, { headers: lan })).json.events;
    expect(events.filter((e: { type: string }) => e.type === 'info-received')).toHaveLength(1);
  });

  it('refuses with 409 not_waiting when nothing was asked, or after the reply arrived', async () => {
    const notAsked = await submitPetition(api, 'so-tu-phap');
    const answered = await waitingPetition();
    expect((await reply(answered, { text: 'Lần một' })).status).toBe(200);

    const responses = [await reply(notAsked, { text: 'Thông tin' }), await reply(answered, { text: 'Lần hai' })];

    for (const response of responses) expect(response.json.error.code, response.text).toBe('not_waiting');
    expect(responses.map((r) => r.status)).toEqual([409, 409]);
  });

  it.each([
    ['an empty text', { text: '   ' }],
    ['a text over 4000 characters', { text: 'a'.repeat(4001) }],
    ['an extra field', { text: 'ok', contact: { name: 'X' } }],
    ['no text', {}],
  ])('rejects %s with 400 and leaves the request open', async (_name, body) => {
    const code = await waitingPetition();

    const response = await reply(code, body);

    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('validation_failed');
    expect((await api.request('GET', `/api/feedback/${code}`)).json.infoRequest).toBeDefined();
  });

  it('answers 404 for an unknown or malformed code', async () => {
    const responses = [await reply('GY-22222-22222', { text: 'x' }), await reply('not-a-code', { text: 'x' })];

    expect(responses.map((r) => [r.status, r.json.error.code])).toEqual([
      [404, 'unknown_tracking_code'],
      [404, 'unknown_tracking_code'],
    ]);
  });
});
