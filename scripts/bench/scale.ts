/**
 * Figures that must not grow with the table: the inbox's first page with 1,000 vs N records in the
 * table (N = 100,000; fewer with --quick), and the statistics publication of a month of N records
 * (time, and items read ÷ records in the month, target 1.0).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishStats, type MonthReport } from '#functions/publish-stats';
import { countOpenByStatus, reconcileCounts } from '#functions/lib/inbox-counts';
import { queryQueue } from '#functions/lib/inbox-store';
import { defaultStatsOutput } from '#functions/lib/stats-output';
import { startStatsStore } from '#local/stats-store';
import { useLocalStore } from '#local/config';
import { signIn } from '#local/oidc-client';
import { loadDemoOfficials } from '#local/oidc';
import { loadDemoCatalog } from '#local/seed';
import { addMonths, localMonthOf } from '#shared/time';
import { bulkLoad } from './lib/bulk-load.ts';
import { summarize, type Row } from './lib/numbers.ts';
import { startStackProcess } from './lib/processes.ts';
import { rawStore } from './lib/raw-store.ts';

const DEPARTMENT = 'so-tu-phap';

/** Where the closed month's open records went (carryOpenRecords). */
const carried = ({ carried, carry }: MonthReport) => (carry ? `${carried} open records carried in ${carry.ms} ms, ${carry.requests} requests, ${carry.refreshed} refreshed` : `${carried} carried`);

export async function benchScale(options: { records: number; samples: number }): Promise<Row[]> {
  const stack = await startStackProcess('both', { RATE_LIMIT_IP: 'off', RATE_LIMIT_DEVICE: 'off' });
  const raw = rawStore(stack.endpoint);
  const stats = await startStatsStore({ persist: false }); // the job writes to S3, as in AWS
  try {
    useLocalStore(stack.endpoint); // the publication job runs here, as its own Lambda would
    const catalog = await loadDemoCatalog();
    const official = (await loadDemoOfficials()).find((o) => o.groups.includes(`dept-${DEPARTMENT}`))!;
    const token = (await signIn(stack.url!, official.username, official.password)).access_token;
    const month = addMonths(localMonthOf(new Date()), -1);

    const firstPage = async () => {
      const samples: number[] = [];
      for (let i = 0; i < options.samples; i++) {
        const start = performance.now();
        const response = await fetch(`${stack.url}/api/inbox?departmentId=${DEPARTMENT}`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`inbox answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
        samples.push(performance.now() - start);
      }
      return summarize(samples);
    };
    // Where the first page's time goes: its two reads, each alone, from this process.
    const parts = async () => {
      const time = async (run: () => Promise<unknown>) => {
        const samples: number[] = [];
        for (let i = 0; i < Math.min(options.samples, 10); i++) {
          const start = performance.now();
          await run();
          samples.push(performance.now() - start);
        }
        return summarize(samples).p50;
      };
      const now = new Date();
      return { page: await time(() => queryQueue(DEPARTMENT, {}, { now })), counts: await time(() => countOpenByStatus(DEPARTMENT, now)) };
    };
    const publish = async () => {
      const start = performance.now();
      const [report] = await publishStats([month], { output: defaultStatsOutput(), now: new Date() });
      return { ms: performance.now() - start, report: report! };
    };

    // Bulk records bypass the product's writes: the hourly reconciliation job counts them, as after any drift.
    const reconcile = async () => {
      const start = performance.now();
      const counts = await reconcileCounts(DEPARTMENT, new Date());
      return { ms: performance.now() - start, backlog: Object.values(counts).reduce((a, b) => a + b, 0) };
    };
    await bulkLoad(raw.client, catalog, 1000, month);
    const smallReconcile = await reconcile();
    await firstPage(); // warm
    const small = await firstPage();
    const smallParts = await parts();
    const smallStats = await publish();
    await bulkLoad(raw.client, catalog, options.records - 1000, month, 1000);
    const largeReconcile = await reconcile();
    const large = await firstPage();
    const largeParts = await parts();
    const largeStats = await publish();
    const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
    return [
      { figure: `inbox first page p50, ${k(options.records)} vs 1k records`, value: large.p50, baseline: small.p50, unit: 'ms', target: 'ratio ≈ 1', note: `${options.samples} requests each, department ${DEPARTMENT}` },
      { figure: `inbox first page p99, ${k(options.records)} vs 1k records`, value: large.p99, baseline: small.p99, unit: 'ms' },
      { figure: `inbox: the page query alone (queryQueue), ${k(options.records)} vs 1k`, value: largeParts.page, baseline: smallParts.page, unit: 'ms' },
      { figure: `inbox: the open counts alone (countOpenByStatus), ${k(options.records)} vs 1k`, value: largeParts.counts, baseline: smallParts.counts, unit: 'ms', note: `one counter item + records received since its reconciliation; ${largeReconcile.backlog} open at ${k(options.records)}` },
      { figure: `inbox counts reconciliation (hourly job, one department), ${k(options.records)} vs 1k`, value: largeReconcile.ms, baseline: smallReconcile.ms, unit: 'ms', note: 'reads the open queue once per hour, off the request path' },
      { figure: `statistics publication, month of ${k(options.records)} vs 1k records`, value: largeStats.ms, baseline: smallStats.ms, unit: 'ms', note: `${month}; ${(largeStats.ms / largeStats.report.recordsInMonth).toFixed(3)} ms per record; ${carried(largeStats.report)}` },
      {
        figure: `statistics: items read / records in the month (${k(options.records)})`,
        value: largeStats.report.itemsRead / largeStats.report.recordsInMonth,
        baseline: 1,
        unit: 'ratio',
        target: '1.0',
        note: `${largeStats.report.itemsRead} read, ${largeStats.report.recordsInMonth} in month`,
      },
    ];
  } finally {
    raw.client.destroy();
    await stack.kill();
    await stats.close();
  }
}
