/**
 * The department's performance view: a rating given while an official is on duty appears under
 * that official and that counter for the department's lead and the admin; the official sees only
 * their own row, colleagues not theirs, other departments nothing; the public statistics carry no
 * official at all. The XLSX report follows the same rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStatsOutput } from '#functions/lib/stats-output';
import { publishStats } from '#functions/publish-stats';
import { localMonthOf } from '#shared/time';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, tokenFor } from '../support/inbox.ts';

let api: TestApi;
let lanId: string;
const month = localMonthOf(new Date());
const as = async (username: string) => bearer(await tokenFor(api, username));
const view = async (username: string | undefined, query = '') =>
  api.request('GET', `/api/inbox/performance?month=${month}${query}`, username ? { headers: await as(username) } : {});

beforeAll(async () => {
  api = await startTestApi({ auth: true, stats: true });
  const duty = await api.request('POST', '/api/inbox/duty', { headers: await as('tuphap.lan'), body: { counterId: 'stp-quay-02' } });
  lanId = duty.json.official.id;
  const rated = await api.request('POST', '/api/feedback', {
    headers: { 'idempotency-key': 'perf-rating-0001' },
    body: { counterId: 'stp-quay-02', kind: 'rating', channel: 'kiosk', rating: 2, reasons: ['official', 'waiting_time'], dossierNumber: '000.00.15.H29-261110-0042' },
  });
  expect(rated.status).toBe(201);
});
afterAll(() => api?.close());

describe('GET /api/inbox/performance', () => {
  it("shows the department's lead the rating under the official on duty and under the counter", async () => {
    const { status, json } = await view('lanhdao.tuphap');
    expect(status).toBe(200);
    expect(json).toMatchObject({ month, department: { id: 'so-tu-phap' }, scope: 'department', minRatings: 10 });
    const lan = json.officials.find((o: { name: string }) => o.name === 'Nguyễn Thị Lan');
    expect(lan).toMatchObject({ officialId: lanId, ratings: 1, low: 1, withDossier: 1, satisfaction: null, interval: null });
    expect(lan.lowCriteria.map((c: { vi: string }) => c.vi)).toEqual(['Công chức giải quyết', 'Thời gian chờ']);
    expect(lan.lowDossiers).toEqual([expect.objectContaining({ dossierNumber: '000.00.15.H29-261110-0042', rating: 2 })]);
    expect(json.counters.find((c: { counterId: string }) => c.counterId === 'stp-quay-02')).toMatchObject({ ratings: 1, low: 1 });
    expect(json.trend).toEqual([expect.objectContaining({ ratings: 1, satisfied: 0 })]);
    expect(json.dutyLog).toEqual([{ at: expect.any(String), counter: 'Quầy 02 — Sở Tư pháp', type: 'start', official: 'Nguyễn Thị Lan' }]);
  });

  it('the admin sees it with departmentId', async () => {
    const { json } = await view('admin.tinh', '&departmentId=so-tu-phap');
    expect(json.officials.map((o: { name: string }) => o.name)).toContain('Nguyễn Thị Lan');
    expect(json.criteria).toContainEqual({ id: 'official', vi: 'Công chức giải quyết', en: 'The official serving' });
  });

  it('the admin, who belongs to no department, is asked to choose one', async () => {
    const { status, json } = await view('admin.tinh');
    expect(status).toBe(400);
    expect(json.error.code).toBe('department_required');
  });

  it('an official who is not a lead gets only their own row; a colleague does not see it', async () => {
    const own = await view('tuphap.lan');
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ scope: 'own', counters: [], unattributed: null, dutyLog: [] });
    expect(own.json.officials).toEqual([expect.objectContaining({ officialId: lanId, ratings: 1 })]);
    const colleague = await view('tuphap.minh');
    expect(colleague.json.officials).toEqual([]);
    expect(colleague.text).not.toContain('Nguyễn Thị Lan');
  });

  it('another department, its lead included, and the public see none of it', async () => {
    for (const username of ['taichinh.son', 'lanhdao.taichinh']) {
      const refused = await view(username, '&departmentId=so-tu-phap');
      expect(refused.status, username).toBe(404);
      const own = await view(username);
      expect(own.status).toBe(200);
      expect(own.text).not.toContain('Nguyễn Thị Lan');
    }
    expect((await view(undefined)).status).toBe(401);
    expect((await view('lanhdao.tuphap', '&month=2026-13')).status).toBe(400);
  });

  it('the monthly report is an XLSX under the same rules', async () => {
    const report = await api.request('GET', `/api/inbox/performance.xlsx?month=${month}`, { headers: await as('lanhdao.tuphap') });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('spreadsheetml');
    expect(report.headers.get('content-disposition')).toContain(`danh-gia-so-tu-phap-${month}.xlsx`);
    const other = await api.request('GET', `/api/inbox/performance.xlsx?month=${month}&departmentId=so-tu-phap`, { headers: await as('taichinh.son') });
    expect(other.status).toBe(404);
  });
});

describe('petitions carried over', () => {
  it("count a petition received last month and still open under its assignee in this month's view", async () => {
    // Arrange: a phone petition entered as received two days before this month began, assigned to Lan.
    const lastMonth = new Date(Date.parse(`${month}-01T09:00:00+07:00`) - 2 * 86_400_000).toISOString();
    const lead = await as('lanhdao.tuphap');
    const entered = await api.request('POST', '/api/inbox/intake', {
      headers: { ...lead, 'idempotency-key': `perf-carried-${month}` },
      body: { counterId: 'stp-quay-02', kind: 'pakn', channel: 'phone', comment: 'Hồ sơ chưa được trả kết quả.', contact: { name: 'Lê Văn Bình', phone: '0912 000 111' }, consent: true, receivedAt: lastMonth },
    });
    expect(entered.status, entered.text).toBe(201);
    for (const body of [{ type: 'acknowledge' }, { type: 'assign', officialId: lanId }]) {
      const acted = await api.request('POST', `/api/inbox/${entered.json.trackingCode}/actions`, { headers: lead, body });
      expect(acted.status, acted.text).toBe(200);
    }

    // Act
    const { json } = await view('lanhdao.tuphap');

    // Assert: received last month, yet open this month under Lan; her ratings stay this month's only.
    const lan = json.officials.find((o: { officialId: string }) => o.officialId === lanId);
    expect(lan.petitions).toMatchObject({ assigned: 1, open: 1, answered: 0 });
    expect(lan.ratings).toBe(1);
  });
});

describe('public statistics', () => {
  it('carry no official name or id', async () => {
    // Every object the job writes, read back from the bucket.
    const bucket = defaultStatsOutput();
    const written: string[] = [];
    await publishStats([month], { output: { ...bucket, write: (name, body, type) => (written.push(name), bucket.write(name, body, type)) }, now: new Date() });
    const texts = await Promise.all(written.map(async (name) => (await bucket.read(name))!));
    expect(written).toContain(`${month}.csv`);
    expect(texts.join('\n')).toContain('stp-quay-02'); // the rating is published, by counter
    for (const text of texts) {
      expect(text).not.toContain('Nguyễn Thị Lan');
      expect(text).not.toContain(lanId);
      expect(text).not.toContain('officialName');
    }
  });
});
