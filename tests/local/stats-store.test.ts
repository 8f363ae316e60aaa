/**
 * The local stack's statistics take AWS's path: the job writes objects with the S3 output into the
 * local stats store, and the server answers /stats/… with what GetObject reads back.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStatsOutput } from '#functions/lib/stats-output';
import { publishLocalStats } from '#local/stats-publication';
import { startStatsStore } from '#local/stats-store';
import { localMonthOf } from '#shared/time';
import { startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ stats: true });
});
afterAll(() => api?.close());

describe('local statistics', () => {
  it('serves at /stats/… exactly the objects the publication job wrote to the bucket', async () => {
    // Arrange
    const now = new Date();
    const before = await api.request('GET', '/stats/index.json');

    // Act
    await publishLocalStats([], now);
    const index = await api.request('GET', '/stats/index.json');
    const csv = await api.request('GET', `/stats/${localMonthOf(now)}.csv`);

    // Assert
    expect(before.status).toBe(404);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('public, max-age=300');
    expect(index.text).toBe(await defaultStatsOutput().read('index.json'));
    expect(index.json.months.map((m: { month: string }) => m.month)).toContain(localMonthOf(now));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const stored = (await defaultStatsOutput().read(`${localMonthOf(now)}.csv`))!;
    expect(stored.startsWith('\uFEFFscope,')).toBe(true); // the BOM Excel needs, which fetch's text() drops
    expect(csv.headers.get('content-length')).toBe(String(Buffer.byteLength(stored)));
  });

  it('answers 404 to names that are no statistics file', async () => {
    for (const path of ['/stats/missing.json', '/stats/%2E%2E%2Findex.json', '/stats/sub/index.json', '/stats/index.txt']) {
      expect((await api.request('GET', path)).status, path).toBe(404);
    }
  });

  it('keeps what was published across a restart (objects as files under DATA_DIR/s3)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gopy-stats-store-'));
    const saved = { S3_ENDPOINT: process.env.S3_ENDPOINT, STATS_BUCKET: process.env.STATS_BUCKET };
    try {
      const first = await startStatsStore({ dataDir });
      await defaultStatsOutput().write('index.json', '{"months":[]}', 'application/json');
      await first.close();
      const second = await startStatsStore({ dataDir });
      expect(await defaultStatsOutput().read('index.json')).toBe('{"months":[]}');
      await second.close();
    } finally {
      Object.assign(process.env, saved);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
