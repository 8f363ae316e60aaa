/** Rolling-satisfaction alerts: raised once with an e-mail to the department, shown as a banner, cleared. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSatisfaction } from '#functions/check-satisfaction';
import { deliverDue } from '#functions/deliver-notifications';
import { fileTransport } from '#functions/lib/transport';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBelowThreshold, rollingSatisfaction } from '#shared/satisfaction';
import { startTestApi, type TestApi } from '../support/api.ts';
import { bearer, tokenFor } from '../support/inbox.ts';

let api: TestApi;
beforeAll(async () => {
  process.env.DEPARTMENT_ALERT_EMAIL = '{departmentId}@gopy.local';
  api = await startTestApi({ auth: true });
});
afterAll(async () => {
  delete process.env.DEPARTMENT_ALERT_EMAIL;
  await api?.close();
});

const rate = (counterId: string, rating: number) => api.request('POST', '/api/feedback', { body: { counterId, kind: 'rating', channel: 'qr', rating } });

describe('rollingSatisfaction (pure)', () => {
  const now = new Date('2026-03-20T10:00:00+07:00');
  it('counts only the window and needs a minimum number of ratings', () => {
    const points = [
      ...Array.from({ length: 9 }, () => ({ counterId: 'a', rating: 1, receivedAt: '2026-03-19T10:00:00+07:00' })),
      { counterId: 'a', rating: 5, receivedAt: '2026-01-01T10:00:00+07:00' },
    ];
    const [a] = rollingSatisfaction(points, now, 14);
    expect(a).toEqual({ counterId: 'a', count: 9, satisfied: 0 });
    expect(isBelowThreshold(a!, { threshold: 0.6, minRatings: 10, windowDays: 14 })).toBe(false);
    expect(isBelowThreshold(a!, { threshold: 0.6, minRatings: 5, windowDays: 14 })).toBe(true);
  });
});

describe('check-satisfaction job', () => {
  it('raises an alert for a counter below the threshold, e-mails its department once, shows it in its inbox only', async () => {
    for (let i = 0; i < 8; i++) await rate('sxd-quay-06', i < 6 ? 1 : 5);
    for (let i = 0; i < 4; i++) await rate('sxd-quay-06', 2);
    for (let i = 0; i < 12; i++) await rate('stp-quay-02', 5);
    const first = await checkSatisfaction(new Date());
    expect(first).toMatchObject({ raised: 1, active: 1 });
    expect((await checkSatisfaction(new Date())).raised).toBe(0); // still active: no second e-mail

    const dir = await mkdtemp(join(tmpdir(), 'gopy-alerts-'));
    await deliverDue({ transport: fileTransport(dir), now: new Date() });
    const sent = await Promise.all((await readdir(dir)).map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8'))));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'email', to: 'so-xay-dung@gopy.local', subject: 'Cảnh báo mức độ hài lòng: Quầy 06 — Sở Xây dựng' });

    const xd = await api.request('GET', '/api/inbox/alerts', { headers: bearer(await tokenFor(api, 'xaydung.tuan')) });
    expect(xd.json.alerts).toEqual([expect.objectContaining({ counterId: 'sxd-quay-06', count: 12, satisfied: 2 / 12 })]);
    const tp = await api.request('GET', '/api/inbox/alerts', { headers: bearer(await tokenFor(api, 'tuphap.lan')) });
    expect(tp.json.alerts).toEqual([]);
    expect((await api.request('GET', '/api/inbox/alerts?departmentId=so-xay-dung', { headers: bearer(await tokenFor(api, 'tuphap.lan')) })).status).toBe(404);
  });

  it('clears the alert once the counter recovers', async () => {
    for (let i = 0; i < 30; i++) await rate('sxd-quay-06', 5);
    expect((await checkSatisfaction(new Date())).cleared).toBe(1);
    const xd = await api.request('GET', '/api/inbox/alerts', { headers: bearer(await tokenFor(api, 'xaydung.tuan')) });
    expect(xd.json.alerts).toEqual([]);
  });
});
