/**
 * `npm run smoke` against the real local stack (built pages, dynalite, the in-process OpenID
 * provider serving /config.json like the deployed site): every check passes once statistics are
 * published, and the one that is missing fails with a non-zero exit before.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePagesBuilt } from '#local/pages';
import { publishLocalStats } from '#local/stats-publication';
import { smoke } from '../../scripts/smoke.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
beforeAll(async () => {
  await ensurePagesBuilt({ quiet: true });
  api = await startTestApi({ auth: true, stats: true });
}, 300_000);
afterAll(async () => {
  await api?.close();
});

const names = (checks: { name: string; ok: boolean }[], ok: boolean) => checks.filter((c) => c.ok === ok).map((c) => c.name);

describe('npm run smoke', () => {
  it('fails only the statistics index before anything is published, and the CLI exits 1', async () => {
    // Arrange: a fresh stack, no statistics published. Act: the CLI as an operator runs it.
    const run = promisify(execFile)('npx', ['tsx', 'scripts/smoke.ts', '--url', api.url], { timeout: 60_000 });
    const failure = await run.then(() => undefined, (error: { code: number; stdout: string }) => error);

    // Assert
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/^FAIL {2}statistics index +HTTP 404/m);
    expect(failure?.stdout).toMatch(/^ok {4}submission +HTTP 201, GY-/m);
    expect(failure?.stdout).toMatch(/1 of 9 checks failed/);
  }, 90_000);

  it('passes every check once statistics are published', async () => {
    const now = new Date();
    await publishLocalStats([], now);

    const checks = await smoke(`${api.url}/`, { now, counterId: 'stp-quay-02' });

    expect(names(checks, false)).toEqual([]);
    expect(names(checks, true)).toEqual(['health', 'catalog', 'submission', 'replay', 'tracking API', 'tracking page', 'config.json', 'sign-in', 'statistics index']);
  });

  it('submits a bare rating that the replay does not double and no department has to answer', async () => {
    const checks = await smoke(api.url, { now: new Date(), counterId: 'stp-quay-02' });
    const code = /GY-[\w-]+/.exec(checks.find((c) => c.name === 'submission')!.detail)![0];

    const view = await api.request('GET', `/api/feedback/${code}`);

    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({ kind: 'rating', dueAt: null });
  });

  it('fails the checks that depend on a counter that does not exist, saying why', async () => {
    const checks = await smoke(api.url, { now: new Date(), counterId: 'no-such-counter' });

    expect(checks.find((c) => c.name === 'catalog')).toMatchObject({ ok: false, detail: 'no counter no-such-counter' });
    expect(checks.find((c) => c.name === 'tracking API')).toMatchObject({ ok: false, detail: 'no submission' });
  });
});
