/**
 * `npm run load -- [--seconds 60] [--kiosks 20] [--phones 30] [--fault] [--outage 8]`
 * `npm run load -- --scenario flood [--flood 290] [--others 20] [--receipt-cap off]`: notifications
 * as a weapon (scripts/bench/lib/flood.ts).
 *
 * Many simulated kiosks and phones submit through the local stack (store and API in separate
 * processes, the store on a persisted temp DATA_DIR). Afterwards: every 2xx tracking code is
 * readable through the public API (0 lost) and no Idempotency-Key produced two records (0
 * duplicated, counted in the table). `--fault` kills the store a third into the run and restarts it
 * `--outage` seconds later: the API must answer 503 with Retry-After (never 500) and the same holds.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '#local/config';
import { submission } from './bench/lib/bodies.ts';
import { runFloodScenario } from './bench/lib/flood.ts';
import { freePort } from './bench/lib/free-port.ts';
import { newTally, runClient, type Tally } from './bench/lib/load-client.ts';
import { sleep } from './bench/lib/numbers.ts';
import { startStackProcess, type StackProcess } from './bench/lib/processes.ts';
import { rawStore } from './bench/lib/raw-store.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    kiosks: { type: 'string', default: '20' },
    phones: { type: 'string', default: '30' },
    fault: { type: 'boolean', default: false },
    outage: { type: 'string', default: '8' },
    'think-ms': { type: 'string', default: '150' },
    'device-limit': { type: 'string', default: '100000/60' },
    keep: { type: 'boolean', default: false },
    scenario: { type: 'string', default: 'submissions' },
    flood: { type: 'string', default: '290' },
    others: { type: 'string', default: '20' },
    'receipt-cap': { type: 'string' },
  },
});
if (values.scenario === 'flood') {
  await runFloodScenario({ flood: Number(values.flood), others: Number(values.others), receiptCap: values['receipt-cap'] });
  process.exit(0);
}
const seconds = Number(values.seconds);
const runId = `L${Date.now().toString(36)}`;

/** Records of this run per Idempotency-Key, found by the key written into each comment. */
async function recordsPerKey(endpoint: string): Promise<Map<string, number>> {
  const raw = rawStore(endpoint);
  const perKey = new Map<string, number>();
  let startKey: Record<string, any> | undefined;
  do {
    const page = await raw.client.send(
      new ScanCommand({
        TableName: config.tableName,
        FilterExpression: 'begins_with(pk, :fb) AND sk = :meta AND contains(#c, :run)',
        ExpressionAttributeNames: { '#c': 'comment' },
        ExpressionAttributeValues: { ':fb': { S: 'FB#' }, ':meta': { S: '#META' }, ':run': { S: runId } },
        ProjectionExpression: '#c',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const key = /\[(\S+)\]/.exec(item.comment?.S ?? '')?.[1] ?? '?';
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  raw.client.destroy();
  return perKey;
}

/** Reads every acknowledged tracking code back through the public API; returns the missing ones. */
async function unreadable(url: string, tally: Tally): Promise<string[]> {
  const codes = [...tally.acknowledged.values()];
  const missing: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < codes.length) {
        const code = codes[next++]!;
        const response = await fetch(`${url}/api/feedback/${code}`);
        await response.arrayBuffer();
        if (response.status !== 200) missing.push(`${code} (${response.status})`);
      }
    }),
  );
  return missing;
}

const dataDir = await mkdtemp(join(tmpdir(), 'gopy-load-'));
const storePort = await freePort();
const storeEnv = { STORE_PATH: join(dataDir, 'dynamodb'), STORE_PORT: String(storePort) };
let store: StackProcess = await startStackProcess('store', storeEnv);
const api = await startStackProcess('api', {
  DYNAMODB_ENDPOINT: store.endpoint,
  DATA_DIR: dataDir,
  RATE_LIMIT_DEVICE: values['device-limit'],
  // Every simulated client is 127.0.0.1 here; the per-IP rule is exercised in tests/security.
  RATE_LIMIT_IP: 'off',
});
const url = api.url!;
const tally = newTally();
let down = false;
const start = Date.now();
const until = start + seconds * 1000;
console.log(`load ${runId}: ${values.kiosks} kiosks + ${values.phones} phones for ${seconds} s against ${url}${values.fault ? `, store outage of ${values.outage} s at ${Math.round(seconds / 3)} s` : ''}`);

const clients = [
  ...Array.from({ length: Number(values.kiosks) }, (_, k) => ({ id: `kiosk${k}`, phone: false })),
  ...Array.from({ length: Number(values.phones) }, (_, k) => ({ id: `phone${k}`, phone: true })),
].map(({ id, phone }) =>
  runClient(
    {
      url,
      id: `${runId}-${id}`,
      body: (i, key) => submission(phone ? i * 3 : i * 3 + 1, { deviceId: id, marker: `${runId} [${key}]`, petitionEvery: phone ? 3 : undefined }),
      until,
      drainUntil: until + 60_000,
      thinkMs: Number(values['think-ms']),
      resendProbability: 0.05,
      outage: () => down,
    },
    tally,
  ),
);

let outage = { from: 0, to: 0 };
const fault = values.fault
  ? (async () => {
      await sleep((seconds / 3) * 1000);
      outage.from = Date.now() - start;
      down = true;
      await store.kill();
      await sleep(Number(values.outage) * 1000);
      store = await startStackProcess('store', storeEnv);
      down = false;
      outage.to = Date.now() - start;
    })()
  : Promise.resolve();

await Promise.all([...clients, fault]);
const elapsed = (Date.now() - start) / 1000;
const missing = await unreadable(url, tally);
const perKey = await recordsPerKey(store.endpoint);
const duplicated = [...perKey].filter(([, n]) => n > 1);
const notAcknowledged = [...perKey.keys()].filter((key) => !tally.acknowledged.has(key));
const serverErrors = Object.entries(tally.statuses).filter(([s]) => /^5/.test(s) && s.replace(' (resend)', '') !== '503').reduce((n, [, k]) => n + k, 0);

console.log(`statuses: ${JSON.stringify(tally.statuses)}`);
if (values.fault) console.log(`outage ${(outage.from / 1000).toFixed(1)}–${(outage.to / 1000).toFixed(1)} s; answers meanwhile: ${JSON.stringify(tally.duringOutage)}`);
console.log(`${tally.acknowledged.size} submissions acknowledged in ${elapsed.toFixed(1)} s (${(tally.acknowledged.size / elapsed).toFixed(1)}/s); ${perKey.size} keys with records in the table`);
console.log(`lost (2xx code not readable): ${missing.length}${missing.length ? ` e.g. ${missing.slice(0, 5).join(', ')}` : ''}`);
console.log(`duplicated (one key, several records): ${duplicated.length}${duplicated.length ? ` e.g. ${duplicated.slice(0, 5).join(', ')}` : ''}`);
console.log(`replays answered with another code: ${tally.replayMismatches.length}; 5xx other than 503 with Retry-After: ${serverErrors}; unresolved at the end: ${tally.unresolved.length}; stored but never acknowledged: ${notAcknowledged.length}`);

await api.kill();
await store.kill();
if (!values.keep) await rm(dataDir, { recursive: true, force: true });
else console.log(`data kept in ${dataDir}`);
const ok = missing.length === 0 && duplicated.length === 0 && tally.replayMismatches.length === 0 && serverErrors === 0 && tally.unresolved.length === 0;
console.log(ok ? 'load: OK — 0 lost, 0 duplicated' : 'load: FAILED');
process.exit(ok ? 0 : 1);
