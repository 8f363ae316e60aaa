import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalog, importFeedbackLine } from '#functions/lib/importer';
import { getFeedback } from '#functions/lib/feedback-store';
import { loadDemoCatalog } from '#local/seed';
import { startLocalStore, type LocalStore } from '#local/stack';
import { countItems } from '../support/table.ts';

let store: LocalStore;
beforeAll(async () => {
  store = await startLocalStore({ persist: false, seed: false });
  await importCatalog(await loadDemoCatalog());
});
afterAll(() => store.close());

const paper = {
  counterId: 'stp-quay-02',
  kind: 'pakn',
  channel: 'letter',
  comment: 'Đề nghị niêm yết phí tại quầy.',
  contact: { name: 'Ngô Thị Mai', address: '45 Nguyễn Huệ' },
  consent: true,
  receivedAt: '2026-02-13T08:30:00+07:00',
};

describe('feedback import', () => {
  it('imports a paper petition with its received date and deadline', async () => {
    const result = await importFeedbackLine(JSON.stringify(paper), 1, new Date());
    expect(result).toMatchObject({ line: 1, trackingCode: expect.stringMatching(/^GY-/) });
    const record = await getFeedback((result as { trackingCode: string }).trackingCode);
    expect(record).toMatchObject({ receivedAt: '2026-02-13T08:30:00+07:00', dueAt: '2026-03-06T23:59:59+07:00', source: 'import', channel: 'letter' });
  });

  it('applies events: the answered one becomes the published answer', async () => {
    const line = JSON.stringify({
      ...paper,
      comment: 'Một phản ánh khác',
      events: [
        { type: 'answered', at: '2026-02-25T10:00:00+07:00', text: 'Đã niêm yết.' },
        { type: 'acknowledged', at: '2026-02-23T09:00:00+07:00' },
      ],
    });
    const result = (await importFeedbackLine(line, 2, new Date())) as { trackingCode: string };
    const record = await getFeedback(result.trackingCode);
    expect(record?.status).toBe('answered');
    expect(record?.answer).toMatchObject({ text: 'Đã niêm yết.', answeredAt: '2026-02-25T10:00:00+07:00' });
    expect(record?.history?.map((h) => h.to)).toEqual(['acknowledged', 'answered']);
  });

  it('reports a bad line and keeps going; a repeated line is not doubled', async () => {
    const good = JSON.stringify({ ...paper, comment: 'Dòng lặp lại' });
    const results = [
      await importFeedbackLine('{not json', 1, new Date()),
      await importFeedbackLine(JSON.stringify({ ...paper, receivedAt: 'yesterday' }), 2, new Date()),
      await importFeedbackLine(JSON.stringify({ ...paper, counterId: 'khong-co' }), 3, new Date()),
      await importFeedbackLine(good, 4, new Date()),
    ];
    const before = await countItems();
    const again = await importFeedbackLine(good, 5, new Date());
    expect(results.slice(0, 3).map((r) => ('error' in r ? r.error.code : 'ok'))).toEqual(['invalid_json', 'validation_failed', 'unknown_counter']);
    expect(again).toMatchObject({ trackingCode: (results[3] as { trackingCode: string }).trackingCode, created: false });
    expect(await countItems()).toBe(before);
  });

  it('rejects an invalid catalog without writing', async () => {
    const before = await countItems();
    await expect(importCatalog({ departments: [{ id: 'X Y', name: '' }], counters: [], procedures: [] })).rejects.toMatchObject({ statusCode: 400 });
    expect(await countItems()).toBe(before);
  });
});
