/**
 * Publication through the real API: a petition whose answer quotes its sender's contact data in the
 * ways people write it, approved by a second official, shows none of it on the tracking view or in
 * the statistics files; erasure and a republication change no published byte; without
 * allowPublication the citizen's own words are never public. Erasure reaches queued notices;
 * receipt notices are capped per recipient and day.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '#functions/deliver-notifications';
import { defaultStatsOutput } from '#functions/lib/stats-output';
import { fileTransport } from '#functions/lib/transport';
import { publishStats } from '#functions/publish-stats';
import { RECEIPTS_PER_RECIPIENT_PER_DAY } from '#shared/notifications';
import { localMonthOf } from '#shared/time';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
let minh: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi({ auth: true, stats: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
  minh = bearer(await tokenFor(api, 'tuphap.minh'));
});
afterAll(() => api?.close());

const act = (code: string, body: unknown, headers = lan) => api.request('POST', `/api/inbox/${code}/actions`, { headers, body });
const month = () => localMonthOf(new Date());
async function statsText(): Promise<string> {
  const output = defaultStatsOutput();
  await publishStats([month()], { output, now: new Date() });
  return (await output.read(`${month()}.json`))!;
}
async function deliverAll(dir: string) {
  for (let i = 0; i < 50 && (await deliverDue({ transport: fileTransport(dir), now: new Date() })).delivered > 0; i++);
}

const CONTACT = { name: 'Phạm Thị Hồng Nhung', phone: '0916 222 333', email: 'hongnhung.pham@example.vn', address: 'Số 45 ngõ 12 phố Huế, Hai Bà Trưng' };
const COMMENT = 'Tôi là Phạm Thị Hồng Nhung, hồ sơ 000.00.15.H29-261110-0042 trả chậm, đề nghị kiểm tra.';
const ANSWER =
  'Kính gửi bà PHAM THI HONG NHUNG (Số 45 ngõ 12 phố Huế, Hai Bà Trưng; ĐT (0916) 222 333, 0916  222  333, ０９１６２２２３３３, +84 916.222.333; ' +
  'hongnhung.pham@example.vn): hồ sơ 000.00.15.H29-261110-0042 đã trả. Liên hệ ông Trần Minh, ĐT 024 3825 3536.';
const SECRETS = ['Nhung', 'NHUNG', '0916', '916', '２２２', '222', 'hongnhung', 'phố Huế', '45 ngõ', 'H29-261110', '0042'];

async function answeredPetition(extra: Record<string, unknown> = {}): Promise<string> {
  const code = await submitPetition(api, 'so-tu-phap', { comment: COMMENT, contact: CONTACT, dossierNumber: '000.00.15.H29-261110-0042', ...extra });
  await act(code, { type: 'acknowledge' });
  expect((await act(code, { type: 'answer', text: ANSWER, summary: 'Kiến nghị về hồ sơ trả chậm.' })).status).toBe(200);
  const approved = await act(code, { type: 'approve' }, minh);
  expect(approved.status, approved.text).toBe(200);
  return code;
}

describe('what the public sees of an approved answer', () => {
  it('none of the sender’s contact data in the tracking view or the statistics file, the department’s hotline kept', async () => {
    const code = await answeredPetition();

    const tracking = await api.request('GET', `/api/feedback/${code}`);
    const stats = await statsText();

    expect(tracking.json.answer).toMatchObject({ question: 'Kiến nghị về hồ sơ trả chậm.', text: expect.stringContaining('ĐT 024 3825 3536') });
    for (const secret of SECRETS) {
      expect(tracking.text, secret).not.toContain(secret);
      expect(stats, secret).not.toContain(secret);
    }
    expect(JSON.parse(stats).answers).toContainEqual(expect.objectContaining({ answer: tracking.json.answer.text, question: 'Kiến nghị về hồ sơ trả chậm.' }));
  });

  it('after erase-contact and a republication: still none, and the published texts byte for byte unchanged', async () => {
    const code = await answeredPetition();
    const before = await api.request('GET', `/api/feedback/${code}`);
    const statsBefore = JSON.parse(await statsText()).answers.find((a: { answer: string }) => a.answer === before.json.answer.text);

    expect((await act(code, { type: 'erase-contact', reason: 'Người gửi yêu cầu' })).status).toBe(200);
    const after = await api.request('GET', `/api/feedback/${code}`);
    const stats = await statsText();

    expect(after.json.answer).toEqual(before.json.answer);
    expect(JSON.parse(stats).answers).toContainEqual(statsBefore);
    for (const secret of SECRETS) expect(stats, secret).not.toContain(secret);
  });

  it('without allowPublication the citizen’s own words are in no public response or file; with it, redacted', async () => {
    const hidden = await answeredPetition();
    const shown = await answeredPetition({ allowPublication: true });

    const stats = await statsText();
    const tracking = await api.request('GET', `/api/feedback/${hidden}`);
    const consented = await api.request('GET', `/api/feedback/${shown}`);

    expect(tracking.text).not.toContain('trả chậm, đề nghị kiểm tra');
    expect(consented.json.answer.question).toBe('Tôi là [họ tên], hồ sơ [số hồ sơ] trả chậm, đề nghị kiểm tra.');
    expect(stats.split('trả chậm, đề nghị kiểm tra').length - 1).toBe(1); // the consented one only
  });

  it('a rejection is public only once a second official approves it', async () => {
    const code = await submitPetition(api, 'so-tu-phap');
    await act(code, { type: 'reject', reason: 'Nội dung không thuộc thẩm quyền của Sở.' });
    expect((await api.request('GET', `/api/feedback/${code}`)).json.answer).toBeUndefined();

    await act(code, { type: 'approve' }, minh);

    expect((await api.request('GET', `/api/feedback/${code}`)).json).toMatchObject({ status: 'rejected', answer: { text: 'Nội dung không thuộc thẩm quyền của Sở.' } });
  });
});

describe('notifications', () => {
  it('erasure takes the recipient and text out of the record’s queued notices: none is sent', async () => {
    await deliverAll(await mkdtemp(join(tmpdir(), 'gopy-earlier-')));
    const dir = await mkdtemp(join(tmpdir(), 'gopy-erase-outbox-'));
    const code = await submitPetition(api, 'so-tu-phap', { contact: { name: 'Lý Thị Hoa', phone: '0933 444 555', email: 'hoa.ly@example.vn' } });

    await act(code, { type: 'erase-contact', reason: 'Người gửi yêu cầu' });
    await deliverAll(dir);

    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it(`a flood naming one phone and e-mail is accepted, but sends them ${RECEIPTS_PER_RECIPIENT_PER_DAY} receipts each a day`, async () => {
    await deliverAll(await mkdtemp(join(tmpdir(), 'gopy-earlier-')));
    const dir = await mkdtemp(join(tmpdir(), 'gopy-flood-'));
    const victim = { name: 'Nạn Nhân', phone: '0977 000 111', email: 'victim@example.vn' };
    const codes = [];

    for (let i = 0; i < 8; i++) codes.push(await submitPetition(api, 'so-xay-dung', { contact: victim, comment: `Phản ánh số ${i}` }));
    const other = await submitPetition(api, 'so-xay-dung', { contact: { name: 'Người Khác', phone: '0977 999 888' } });
    await deliverAll(dir);

    const files = await readdir(dir);
    const messages = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as { to: string; text: string }));
    expect(new Set(codes).size).toBe(8);
    expect(messages.filter((m) => m.to === '0977000111')).toHaveLength(RECEIPTS_PER_RECIPIENT_PER_DAY);
    expect(messages.filter((m) => m.to === 'victim@example.vn')).toHaveLength(RECEIPTS_PER_RECIPIENT_PER_DAY);
    expect(messages.filter((m) => m.to === '0977999888').map((m) => m.text)).toEqual([expect.stringContaining(other)]);
  });
});
