/** A small, fixed-seed sample of `npm run fuzz` in every test run: hostile requests against every route. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzzApi } from '../../scripts/bench/lib/fuzz-run.ts';
import { fuzzTokens } from '../../scripts/bench/lib/fuzz-tokens.ts';
import { startTestApi, type TestApi } from '../support/api.ts';

let api: TestApi;
let tokens: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi({ auth: true, seedHistory: true });
  tokens = await fuzzTokens(api);
});
afterAll(() => api.close());

it('answers hostile requests on every route without 5xx, with the error shape, writing nothing when rejecting, leaking no contact data', async () => {
  // A fixed seed keeps the gate reproducible; `npm run fuzz` explores new seeds (FUZZ_SEED overrides).
  const result = await fuzzApi({ url: api.url, tokens, runs: Number(process.env.FUZZ_RUNS ?? 150), seed: Number(process.env.FUZZ_SEED ?? 20260213) });

  // On failure the message carries the seed: npm run fuzz -- --runs 150 --seed <seed>
  expect(result.failure ? `${result.failure.problem} (seed ${result.seed}): ${JSON.stringify(result.failure)}` : 'none').toBe('none');
  expect(result.serverErrors).toBe(0);
  expect(Object.keys(result.statuses).some((status) => status.startsWith('201'))).toBe(true);
}, 120_000);
