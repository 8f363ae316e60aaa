/**
 * `npm run fuzz -- [--runs N] [--seed S] [--shrink]`: property-based hostile requests against every
 * route of functions/routes.ts through a real local stack (in-memory dynalite with demo history,
 * the adapter, real sign-in for tokens of demo officials). Prints `N cases, 0 server errors`, or the
 * failing request with the seed to replay it.
 */
import { parseArgs } from 'node:util';
import { startTestApi } from '../tests/support/api.ts';
import { fuzzTokens } from './bench/lib/fuzz-tokens.ts';
import { fuzzApi } from './bench/lib/fuzz-run.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' }, seed: { type: 'string' }, shrink: { type: 'boolean', default: false } } });
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const api = await startTestApi({ auth: true, seedHistory: true });
const tokens = await fuzzTokens(api);
const started = Date.now();
const result = await fuzzApi({ url: api.url, tokens, runs: Number(values.runs), seed: values.seed ? Number(values.seed) : undefined, shrink: values.shrink });
await api.close();
console.log(`${result.cases} cases, ${result.serverErrors} server errors (${((Date.now() - started) / 1000).toFixed(1)} s, seed ${result.seed})`);
console.log(`answers by status: ${JSON.stringify(result.statuses)}`);
if (result.failure) {
  console.log(`FAILED: ${result.failure.problem}\n${JSON.stringify(result.failure, null, 2)}`);
  console.log(`replay: npm run fuzz -- --runs ${values.runs} --seed ${result.seed}${values.shrink ? ' --shrink' : ''}`);
  process.exit(1);
}
process.exit(0);
