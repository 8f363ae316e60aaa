/** The morning digest job on dynalite: figures from the department's open queue, once a day. */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '#functions/deliver-notifications';
import { importFeedbackLine } from '#functions/lib/importer';
import { fileTransport } from '#functions/lib/transport';
import { sendDigests } from '#functions/send-digests';
import { startTestApi, type TestApi } from '../support/api.ts';

const MONDAY = new Date('2026-11-23T08:00:00+07:00');
/** The letters were entered on the Saturday before: every step of the test runs on its own fixed clock. */
const IMPORTED_AT = new Date('2026-11-21T10:00:00+07:00');
const petition = (receivedAt: string) =>
  JSON.stringify({ counterId: 'stp-quay-02', kind: 'pakn', channel: 'letter', comment: `Phản ánh nhận ${receivedAt}`, contact: { name: 'Trần Văn Bình', phone: '0912000111' }, consent: true, receivedAt });

let api: TestApi;
beforeAll(async () => {
  process.env.DEPARTMENT_ALERT_EMAIL = 'pakn.{departmentId}@example.gov.vn';
  api = await startTestApi();
  // Sở Tư pháp answers in 10 working days: due 3 Nov (overdue on Monday 23 Nov), 23 Nov and 24 Nov
  // (due today and on the next working day), 25 Nov and 4 Dec (later).
  for (const day of ['2026-10-20', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-20']) await importFeedbackLine(petition(`${day}T09:00:00+07:00`), 1, IMPORTED_AT);
});
afterAll(async () => {
  delete process.env.DEPARTMENT_ALERT_EMAIL;
  await api?.close();
});

async function delivered() {
  const dir = await mkdtemp(join(tmpdir(), 'gopy-digest-'));
  await deliverDue({ transport: fileTransport(dir), now: new Date(MONDAY.getTime() + 60_000) });
  return Promise.all((await readdir(dir)).map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8'))));
}

describe('send-digests job', () => {
  it('sends nothing on a day off', async () => {
    expect(await sendDigests(new Date('2026-11-22T09:00:00+07:00'))).toEqual({ sent: [] });
  });

  it('e-mails each department with open work its figures, and only those', async () => {
    const result = await sendDigests(MONDAY);

    expect(result).toEqual({ day: '2026-11-23', sent: ['so-tu-phap'] });
    const digests = (await delivered()).filter((m) => m.subject?.startsWith('Góp Ý 23/11/2026'));
    expect(digests).toEqual([expect.objectContaining({ to: 'pakn.so-tu-phap@example.gov.vn', subject: 'Góp Ý 23/11/2026 — Sở Tư pháp: 1 quá hạn, 2 sắp đến hạn' })]);
    expect(digests[0].text).toContain('- Đang cần xử lý: 5');
    expect(digests[0].text).not.toMatch(/Trần Văn Bình|0912000111/);
  });

  it('sends it once a day, however often the job runs', async () => {
    expect(await sendDigests(new Date(MONDAY.getTime() + 3_600_000))).toEqual({ day: '2026-11-23', sent: [] });
  });
});
