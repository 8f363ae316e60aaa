/**
 * Submission figures through the local API, each against a raw PutItem of the same item on the
 * same dynalite: latency p50/p99 (sequential), throughput (autocannon, concurrent clients), and
 * DynamoDB requests per submission counted at dynalite's HTTP layer.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { submission } from './lib/bodies.ts';
import { summarize, type Row } from './lib/numbers.ts';
import { startStackProcess } from './lib/processes.ts';
import { rawStore } from './lib/raw-store.ts';

export type SubmissionOptions = { latencyRuns: number; seconds: number; connections: number; countRuns: number };

const post = (url: string, body: unknown, key = randomUUID()) =>
  fetch(`${url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** `concurrency` loops calling `run` for `seconds`; completed calls per second. */
async function closedLoop(concurrency: number, seconds: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  let i = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await run(i++);
        done++;
      }
    }),
  );
  return done / seconds;
}

export async function benchSubmissions(options: SubmissionOptions): Promise<Row[]> {
  // Limits raised, not removed: the per-kiosk counter stays in the path (it is one of the two requests).
  const stack = await startStackProcess('both', { RATE_LIMIT_DEVICE: '100000000/60', RATE_LIMIT_IP: 'off' });
  const url = stack.url!;
  const raw = rawStore(stack.endpoint);
  try {
    const body = (i: number) => submission(i, { deviceId: `bench-kiosk-${i % 20}` });
    for (let i = 0; i < 30; i++) await (await post(url, body(i))).arrayBuffer(); // warm: catalog cached, modules loaded
    const first = await (await post(url, body(0))).json();
    const item = await raw.get(`FB#${first.trackingCode}`);
    if (!item) throw new Error('the submitted record is not in the table');
    for (let i = 0; i < 30; i++) await raw.put(item, i);

    const api: number[] = [];
    const direct: number[] = [];
    // Interleaved, so drift in machine load hits both alike.
    for (let i = 0; i < options.latencyRuns; i++) {
      api.push(await timed(async () => (await post(url, body(i))).arrayBuffer()));
      direct.push(await timed(() => raw.put(item, i)));
    }
    const a = summarize(api);
    const d = summarize(direct);

    await stack.resetCounts();
    for (let i = 0; i < options.countRuns; i++) await (await post(url, body(i))).arrayBuffer();
    const counts = await stack.counts();
    const perSubmission = Object.values(counts).reduce((s, n) => s + n, 0) / options.countRuns;
    const replayKey = randomUUID();
    await (await post(url, body(1), replayKey)).arrayBuffer();
    await stack.resetCounts();
    for (let i = 0; i < 10; i++) await (await post(url, body(1), replayKey)).arrayBuffer();
    const replayCounts = await stack.counts();
    const perReplay = Object.values(replayCounts).reduce((s, n) => s + n, 0) / 10;

    let seq = 0;
    const cannon = await autocannon({
      url,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/feedback',
          setupRequest: (request: any) => {
            const i = seq++;
            return { ...request, headers: { 'content-type': 'application/json', 'idempotency-key': `cannon-${process.pid}-${i}` }, body: JSON.stringify(body(i)) };
          },
        },
      ],
    });
    const rawRate = await closedLoop(options.connections, options.seconds, (i) => raw.put(item, 1e6 + i));
    const breakdown = (c: Record<string, number>, n: number) => Object.entries(c).map(([op, k]) => `${op} ${(k / n).toFixed(2)}`).join(', ');
    return [
      { figure: 'submission latency p50 (API vs raw PutItem)', value: a.p50, baseline: d.p50, unit: 'ms', note: `${a.n} sequential` },
      { figure: 'submission latency p99 (API vs raw PutItem)', value: a.p99, baseline: d.p99, unit: 'ms' },
      {
        figure: `submission throughput, ${options.connections} clients (API vs raw PutItem)`,
        value: cannon.requests.average,
        baseline: rawRate,
        unit: 'req/s',
        note: `${cannon['2xx']} 2xx, ${cannon.non2xx} non-2xx, ${cannon.errors} errors in ${options.seconds} s`,
      },
      { figure: 'DynamoDB requests per submission', value: perSubmission, baseline: 2, unit: 'requests', target: '≤ 2 (catalog cached)', note: breakdown(counts, options.countRuns) },
      { figure: 'DynamoDB requests per replay (same key and body)', value: perReplay, unit: 'requests', note: breakdown(replayCounts, 10) },
    ];
  } finally {
    raw.client.destroy();
    await stack.kill();
  }
}
