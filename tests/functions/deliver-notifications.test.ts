/** The outbox and its delivery job on the real local stack: files transport, retries, dead letters. */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '#functions/deliver-notifications';
import { MAX_ATTEMPTS } from '#functions/lib/outbox';
import { awsTransport, fileTransport } from '#functions/lib/transport';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let dir: string;
beforeAll(async () => {
  api = await startTestApi({ auth: true });
  dir = await mkdtemp(join(tmpdir(), 'gopy-outbox-'));
});
afterAll(() => api?.close());

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
async function messages() {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as { channel: string; to: string; subject?: string; text: string; ref: string }));
}
/** Runs the delivery job until nothing is left (each run sends a recipient at most a few). */
async function deliverAll(options: Parameters<typeof deliverDue>[0]) {
  let delivered = 0;
  for (let n; (n = (await deliverDue(options)).delivered) > 0; ) delivered += n;
  return delivered;
}
/** Empties the outbox of whatever earlier tests queued. */
const drain = () => deliverAll({ now: later(24 * 60), transport: fileTransport(join(dir, 'drained')) });

describe('citizen notifications', () => {
  it('a petition with contact and consent is confirmed by SMS and e-mail once delivered', async () => {
    await drain();
    const code = await submitPetition(api, 'so-tu-phap', { contact: { name: 'Phạm Thị Dung', phone: '0912 345 678', email: 'dung@example.vn' } });
    const result = await deliverDue({ transport: fileTransport(dir), now: new Date() });
    expect(result).toMatchObject({ delivered: 2, retried: 0, dead: 0 });
    const sent = await messages();
    expect(sent.map((m) => [m.channel, m.to])).toEqual(expect.arrayContaining([['sms', '0912345678'], ['email', 'dung@example.vn']]));
    expect(sent.find((m) => m.channel === 'sms')!.text).toContain(code);
    expect((await deliverDue({ transport: fileTransport(dir), now: new Date() })).delivered).toBe(0); // nothing twice
  });

  it('a rating without contact data sends nothing', async () => {
    await drain();
    await api.request('POST', '/api/feedback', { body: { counterId: 'stp-quay-02', kind: 'rating', channel: 'qr', rating: 5 } });
    expect((await deliverDue({ transport: fileTransport(dir), now: new Date() })).delivered).toBe(0);
  });

  it('information requests and published answers are sent; the answer as published (redacted)', async () => {
    await drain();
    const code = await submitPetition(api, 'so-tu-phap', { contact: { name: 'Đỗ Văn Long', email: 'long@example.vn', address: 'ấp 3' } });
    const lan = bearer(await tokenFor(api, 'tuphap.lan'));
    const minh = bearer(await tokenFor(api, 'tuphap.minh'));
    const act = (body: unknown, headers = lan) => api.request('POST', `/api/inbox/${code}/actions`, { headers, body });
    await act({ type: 'acknowledge' });
    await act({ type: 'request-info', text: 'Đề nghị gửi bản chụp giấy hẹn.' });
    await act({ type: 'info-received' });
    await act({ type: 'answer', text: 'Kính gửi ông Đỗ Văn Long: đã xử lý, liên hệ 0912345678.', summary: 'Kiến nghị về giấy hẹn.' });
    await act({ type: 'approve' }, minh);
    const before = (await readdir(dir)).length;
    await deliverAll({ transport: fileTransport(dir), now: new Date() });
    const sent = (await messages()).slice(before);
    const subjects = sent.filter((m) => m.to === 'long@example.vn').map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Đề nghị bổ sung thông tin cho phản ánh, kiến nghị', 'Đã có kết quả trả lời phản ánh, kiến nghị']));
    const answer = sent.find((m) => m.subject === 'Đã có kết quả trả lời phản ánh, kiến nghị')!;
    expect(answer.text).toContain('Kính gửi ông [họ tên]: đã xử lý, liên hệ [số điện thoại].');
  });
});

describe('delivery failures', () => {
  it('retries with backoff, then dead-letters after the last attempt', async () => {
    await drain();
    const blocker = join(dir, 'not-a-directory');
    await writeFile(blocker, 'x');
    const broken = fileTransport(join(blocker, 'outbox')); // mkdir fails: ENOTDIR
    await submitPetition(api, 'so-xay-dung', { contact: { name: 'Ngô Thị Mai', phone: '0987654321' } });
    expect(await deliverDue({ transport: broken, now: new Date() })).toMatchObject({ delivered: 0, retried: 1 });
    // Not due again before the backoff.
    expect(await deliverDue({ transport: broken, now: new Date() })).toMatchObject({ retried: 0, dead: 0 });
    let dead = 0;
    for (let attempt = 2, minutes = 0; attempt <= MAX_ATTEMPTS; attempt++) {
      minutes += 4 ** (attempt - 1) + 1;
      dead += (await deliverDue({ transport: broken, now: later(minutes) })).dead;
    }
    expect(dead).toBe(1);
    expect((await deliverDue({ transport: fileTransport(dir), now: later(10_000) })).delivered).toBe(0);
  });

  it('a channel that is not configured is skipped, never dead-lettered, and not tried again', async () => {
    await drain();
    await submitPetition(api, 'so-xay-dung', { contact: { name: 'Bùi Thị Lan', phone: '0912000111', email: 'lan@example.vn', address: 'ấp 3' } });
    expect(await deliverDue({ transport: awsTransport({}), now: new Date() })).toMatchObject({ delivered: 0, dead: 0, retried: 0, off: 2 });
    expect(await deliverDue({ transport: fileTransport(dir), now: later(24 * 60) })).toMatchObject({ delivered: 0, dead: 0, off: 0 });
  });

  it('channels are on exactly when their sender is configured', () => {
    expect(awsTransport({}).off).toEqual(['sms', 'email']);
    expect(awsTransport({ SMS_SENDER_ID: 'GOPY' }).off).toEqual(['email']);
    expect(awsTransport({ SMS_SENDER_ID: 'GOPY', MAIL_FROM: 'no-reply@example.gov.vn' }).off).toEqual([]);
  });

  it('two runs at once never send the same message twice', async () => {
    await drain();
    await submitPetition(api, 'so-xay-dung', { contact: { name: 'Vũ Thị Hạnh', phone: '0911111111', email: 'hanh@example.vn' } });
    const runs = await Promise.all([deliverDue({ transport: fileTransport(dir), now: new Date() }), deliverDue({ transport: fileTransport(dir), now: new Date() })]);
    expect(runs[0]!.delivered + runs[1]!.delivered).toBe(2);
  });
});
