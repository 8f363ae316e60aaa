/** Every workflow action through the real API: transitions, 409s, 400s, audit trail, publication. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, submitPetition, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lan: Record<string, string>;
let minh: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi({ auth: true });
  lan = bearer(await tokenFor(api, 'tuphap.lan'));
  minh = bearer(await tokenFor(api, 'tuphap.minh'));
  admin = bearer(await tokenFor(api, 'admin.tinh'));
});
afterAll(() => api?.close());

const SUMMARY = 'Kiến nghị công khai thời gian giải quyết hồ sơ.';
const act = (code: string, body: unknown, headers = lan) => api.request('POST', `/api/inbox/${code}/actions`, { headers, body });

async function petitionAt(status: 'received' | 'acknowledged' | 'drafted'): Promise<string> {
  const code = await submitPetition(api, 'so-tu-phap');
  if (status === 'received') return code;
  expect((await act(code, { type: 'acknowledge' })).status).toBe(200);
  if (status === 'drafted') expect((await act(code, { type: 'answer', text: 'Bản nháp trả lời', summary: SUMMARY })).status).toBe(200);
  return code;
}

describe('POST /api/inbox/{code}/actions: each action', () => {
  const cases: [string, 'received' | 'acknowledged' | 'drafted', Record<string, unknown>, string][] = [
    ['acknowledge', 'received', { type: 'acknowledge' }, 'acknowledged'],
    ['classify', 'acknowledged', { type: 'classify', category: 'inconsistent-regulations' }, 'in_progress'],
    ['classify as denunciation (a redirection drafted)', 'acknowledged', { type: 'classify', category: 'denunciation' }, 'in_progress'],
    ['assign', 'acknowledged', { type: 'assign', officialId: 'tuphap.minh' }, 'in_progress'],
    ['note', 'acknowledged', { type: 'note', text: 'Ghi chú nội bộ' }, 'acknowledged'],
    ['request-info', 'acknowledged', { type: 'request-info', text: 'Đề nghị gửi bản chụp giấy hẹn trả kết quả.' }, 'in_progress'],
    ['reroute', 'received', { type: 'reroute', departmentId: 'so-xay-dung', reason: 'Thuộc thẩm quyền Sở Xây dựng' }, 'transferred'],
    ['answer (draft)', 'acknowledged', { type: 'answer', text: 'Trả lời', summary: SUMMARY }, 'in_progress'],
    ['return', 'drafted', { type: 'return', reason: 'Bổ sung căn cứ' }, 'in_progress'],
    ['reject (drafted)', 'acknowledged', { type: 'reject', reason: 'Nội dung không rõ ràng' }, 'in_progress'],
    ['spam', 'received', { type: 'spam' }, 'spam'],
  ];
  for (const [name, start, body, status] of cases) {
    it(`${name} → ${status}`, async () => {
      const code = await petitionAt(start);
      const response = await act(code, body, body.type === 'return' ? minh : lan);
      expect(response.status, response.text).toBe(200);
      expect(response.json.status).toBe(status);
      expect(response.json.events.at(-1)).toMatchObject({ type: body.type, to: status, by: { id: body.type === 'return' ? 'tuphap.minh' : 'tuphap.lan' } });
    });
  }

  it('duplicate of another record of the department', async () => {
    const original = await petitionAt('received');
    const code = await petitionAt('received');
    const drafted = await act(code, { type: 'duplicate', of: original.toLowerCase() });
    expect(drafted.status).toBe(200);
    expect(drafted.json).toMatchObject({ status: 'in_progress', draft: { kind: 'duplicate', of: original }, preview: { answer: expect.stringContaining(original) } });
    const response = await act(code, { type: 'approve' }, minh);
    expect(response.json).toMatchObject({ status: 'duplicate', duplicateOf: original });
  });

  it('info-received resumes the paused deadline', async () => {
    const code = await petitionAt('acknowledged');
    await act(code, { type: 'request-info', text: 'Xin bổ sung' });
    const response = await act(code, { type: 'info-received', text: 'Công dân đã gửi bổ sung qua điện thoại' });
    expect(response.status).toBe(200);
    expect(response.json.waitingSince).toBeUndefined();
    expect(response.json.sla.state).not.toBe('paused');
  });

  it('reroute: the old department loses it, the new one has it with its history', async () => {
    const code = await petitionAt('received');
    await act(code, { type: 'reroute', departmentId: 'so-xay-dung', reason: 'Thuộc thẩm quyền' });
    expect((await api.request('GET', `/api/inbox/${code}`, { headers: lan })).status).toBe(404);
    const xd = bearer(await tokenFor(api, 'xaydung.tuan'));
    const detail = await api.request('GET', `/api/inbox/${code}`, { headers: xd });
    expect(detail.status).toBe(200);
    expect(detail.json.routing.map((s: { to: string }) => s.to)).toEqual(['so-tu-phap', 'so-xay-dung']);
    expect(detail.json.contact).toBeDefined();
    expect(detail.json.actions).toContain('acknowledge');
  });
});

describe('a petition from received to a reviewed, published, PII-free answer', () => {
  it('acknowledge → answer by one official → approve by a second → close; public view shows the redacted answer', async () => {
    const code = await submitPetition(api, 'so-tu-phap', { contact: { name: 'Trần Thị Bình', phone: '0987654321', email: 'binh@example.vn' } });
    await act(code, { type: 'acknowledge' });
    await act(code, { type: 'classify', category: 'proposed-solution' });
    const draft = 'Kính gửi bà Trần Thị Bình (0987 654 321, binh@example.vn, CCCD 079123456789): Sở đã tiếp thu kiến nghị.';
    expect((await act(code, { type: 'answer', text: draft, summary: SUMMARY })).status).toBe(200);

    const self = await act(code, { type: 'approve' }, lan);
    expect(self.status).toBe(403);
    expect(self.json.error.code).toBe('second_official_required');

    const approved = await act(code, { type: 'approve' }, minh);
    expect(approved.status).toBe(200);
    const published = 'Kính gửi bà [họ tên] ([số điện thoại], [email], CCCD [số CCCD]): Sở đã tiếp thu kiến nghị.';
    expect(approved.json).toMatchObject({ status: 'answered', answer: { text: published } });

    const pub = await api.request('GET', `/api/feedback/${code}`);
    expect(pub.status).toBe(200);
    expect(pub.json.answer.text).toBe(published);
    for (const secret of ['Bình', '0987', 'binh@', '079123456789', 'Ghi chú', 'tuphap']) expect(pub.text).not.toContain(secret);

    const closed = await act(code, { type: 'close' });
    expect(closed.json.status).toBe('closed');
    const types = closed.json.events.map((e: { type: string }) => e.type);
    expect(types).toEqual(['acknowledge', 'classify', 'answer', 'approve', 'close']);
    expect(closed.json.events.map((e: { version: number }) => e.version)).toEqual([1, 2, 3, 4, 5]);
    // The record's own history is public-safe: statuses only.
    for (const entry of closed.json.history) expect(Object.keys(entry).sort()).toEqual(['at', 'from', 'to', 'type']);
  });

  it('the admin may approve a draft of any department', async () => {
    const code = await petitionAt('drafted');
    expect((await act(code, { type: 'approve' }, admin)).json.status).toBe('answered');
  });
});

describe('erasing a citizen’s contact data on request', () => {
  it('the owning department erases it: gone from the detail and the export, the record and its audit line stay', async () => {
    const code = await petitionAt('acknowledged');

    const response = await act(code, { type: 'erase-contact', reason: 'Người gửi yêu cầu xóa dữ liệu cá nhân (điện thoại ngày 22/11)' });

    expect(response.status, response.text).toBe(200);
    expect(response.json.contact).toBeUndefined();
    expect(response.json).toMatchObject({ status: 'acknowledged', contactErasedAt: expect.stringMatching(/\+07:00$/) });
    expect(response.json.actions).not.toContain('request-info');
    expect(response.json.events.at(-1)).toMatchObject({ type: 'erase-contact', by: { id: 'tuphap.lan' } });
    const csv = await api.request('GET', '/api/inbox/export.csv?status=acknowledged', { headers: lan });
    expect(csv.text).toContain(code);
    expect(csv.text.split('\n').find((row) => row.includes(code))).not.toContain('0912345678');
  });

  it('the admin, who never sees contact data, may not erase it (403) and is not offered the action', async () => {
    const code = await petitionAt('received');

    const detail = await api.request('GET', `/api/inbox/${code}`, { headers: admin });
    const response = await act(code, { type: 'erase-contact', reason: 'yêu cầu' }, admin);

    expect(detail.json.actions).not.toContain('erase-contact');
    expect([response.status, response.json.error.code]).toEqual([403, 'owner_only']);
    expect((await api.request('GET', `/api/inbox/${code}`, { headers: lan })).json.contact).toBeDefined();
  });
});

describe('refusals', () => {
  it('invalid transitions → 409 with a clear message', async () => {
    const code = await petitionAt('received');
    const response = await act(code, { type: 'approve' });
    expect(response.status).toBe(409);
    expect(response.json.error).toEqual({ code: 'invalid_transition', message: 'Cannot approve a record that is received' });
    expect((await act(code, { type: 'close' })).status).toBe(409);
  });

  it('unknown action types → 400 unknown_action; bad fields → 400 validation_failed', async () => {
    const code = await petitionAt('received');
    expect((await act(code, { type: 'delete' })).json.error.code).toBe('unknown_action');
    expect((await act(code, { type: 'answer' })).json.error.code).toBe('validation_failed');
    expect((await act(code, {})).status).toBe(400);
  });

  it('unknown or malformed tracking codes → 404', async () => {
    expect((await act('GY-22222-22222', { type: 'acknowledge' })).status).toBe(404);
    expect((await api.request('GET', '/api/inbox/not-a-code', { headers: lan })).status).toBe(404);
  });

  it('two officials acting on the same version: one wins, the other gets 409 concurrent_update, no audit line is lost', async () => {
    const code = await petitionAt('received');
    const results = await Promise.all([act(code, { type: 'acknowledge' }, lan), act(code, { type: 'spam' }, minh), act(code, { type: 'note', text: 'x' }, minh)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const detail = await api.request('GET', `/api/inbox/${code}`, { headers: lan });
    expect(detail.json.events).toHaveLength(detail.json.version);
  });
});
