/**
 * Per page: the gzip weight of what first render needs (scripts/page-weights.ts, against its budget)
 * and Lighthouse 12 mobile performance and accessibility (default mobile config: simulated slow 4G
 * and CPU throttling) in Debian's Chromium, against the real local stack with demo data.
 */
import * as chromeLauncher from 'chrome-launcher';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { ensurePagesBuilt } from '#local/pages';
import { BUDGETS, pageWeights } from '../page-weights.ts';
import { submission } from './lib/bodies.ts';
import { type Row } from './lib/numbers.ts';
import { startStackProcess } from './lib/processes.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Lighthouse mobile performance to reach, per page (90 unless listed): /stats draws only its summary at first (issue 15). */
export const PERFORMANCE_TARGETS: Record<string, number> = { '/stats': 98 };
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function benchPages(options: { lighthouseRuns: number }): Promise<Row[]> {
  await ensurePagesBuilt({ quiet: true });
  const rows: Row[] = pageWeights(resolve('kiosk/dist')).map((w) =>
    w.built
      ? { figure: `page ${w.page}: first-render weight (vs budget)`, value: w.gzip / 1024, baseline: BUDGETS[w.page] ? BUDGETS[w.page]! / 1024 : undefined, unit: 'KB gzip', note: `${w.files} files, ${(w.raw / 1024).toFixed(0)} KB raw` }
      : { figure: `page ${w.page}: first-render weight`, value: 'NOT BUILT' },
  );
  if (!existsSync(CHROMIUM)) return [...rows, { figure: 'Lighthouse', value: 'skipped', note: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` }];

  const dataDir = await mkdtemp(join(tmpdir(), 'gopy-pages-'));
  const stack = await startStackProcess('both', { SEED: 'history', DATA_DIR: dataDir, RATE_LIMIT_IP: 'off' });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const receipt = await (
      await fetch(`${stack.url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `pages-${Date.now()}` }, body: JSON.stringify(submission(0, { petitionEvery: 1 })) })
    ).json();
    const pages = { '/q/…': '/q/bt-quay-01', '/kiosk': '/kiosk?counter=stp-quay-02', '/track/…': `/track/${receipt.trackingCode}`, '/stats': '/stats' };
    for (const [name, path] of Object.entries(pages)) {
      const target = PERFORMANCE_TARGETS[name] ?? 90;
      const scores = { performance: [] as number[], accessibility: [] as number[] };
      for (let run = 0; run < options.lighthouseRuns; run++) {
        const result = await lighthouse(`${stack.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        const categories = result?.lhr.categories;
        scores.performance.push(Math.round((categories?.performance?.score ?? 0) * 100));
        scores.accessibility.push(Math.round((categories?.accessibility?.score ?? 0) * 100));
      }
      const worst = (list: number[]) => Math.min(...list);
      rows.push({ figure: `Lighthouse mobile performance ${name}`, value: worst(scores.performance), baseline: 100, unit: 'score', target: `≥ ${target}`, note: options.lighthouseRuns > 1 ? `worst of ${scores.performance.join(', ')}` : undefined });
      rows.push({ figure: `Lighthouse accessibility ${name}`, value: worst(scores.accessibility), baseline: 100, unit: 'score', target: '≥ 95' });
    }
    return rows;
  } finally {
    chrome.kill();
    await stack.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}
