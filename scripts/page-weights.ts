/**
 * `npm run build` step 2: the gzip weight of what each page needs for its first render (the HTML,
 * its stylesheets, its entry script and every module that script imports statically; code loaded
 * later with `import()` is not counted), printed per page. Exits non-zero when a page is over its
 * budget or a kiosk/*.html page was not built.
 *
 *   npx tsx scripts/page-weights.ts [distDir]   (`npm run build` builds first, then runs this check)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageFiles } from '../kiosk/entries.ts';

/**
 * Budgets in bytes, gzip. The QR page and the tracking page (opened from a poster and from an SMS,
 * on a phone) must fit one round trip on a weak connection: 14 KB, TCP's first window.
 */
export const ONE_ROUND_TRIP = 14 * 1024;
export const BUDGETS: Record<string, number> = { 'q.html': ONE_ROUND_TRIP, 'track.html': ONE_ROUND_TRIP, 'kiosk.html': 30 * 1024 };

const gzipSize = (content: Buffer) => gzipSync(content, { level: 9 }).length;

/** Files a page needs before first render: HTML, stylesheets, entry scripts and their static imports. */
export function firstRenderFiles(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  const files = new Set<string>([page]);
  const queue: string[] = [];
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="\/([^"]+\.(?:js|css))"/g)) queue.push(match[1]!);
  while (queue.length) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, file), 'utf8');
    // Static `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`; not `import("./x.js")`.
    for (const match of code.matchAll(/\b(?:import|export)\s*(?!\()(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      queue.push(posix.join(posix.dirname(file), match[1]!));
    }
  }
  return [...files];
}

export function pageWeights(dist: string) {
  return pageFiles(resolve(dist, '..'))
    .map((page) => {
      if (!existsSync(join(dist, page))) return { page, built: false as const };
      const files = firstRenderFiles(dist, page);
      const gzip = files.reduce((sum, file) => sum + gzipSize(readFileSync(join(dist, file))), 0);
      const raw = files.reduce((sum, file) => sum + readFileSync(join(dist, file)).length, 0);
      return { page, built: true as const, files: files.length, raw, gzip, budget: BUDGETS[page] };
    });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the table; false when a page is over budget or was not built. */
export function reportPageWeights(dist: string): boolean {
  let ok = true;
  console.log('page            files      raw     gzip   budget');
  for (const weight of pageWeights(dist)) {
    if (!weight.built) {
      console.log(`${weight.page.padEnd(14)}  NOT BUILT (its script is missing?)`);
      ok = false;
      continue;
    }
    const over = weight.budget !== undefined && weight.gzip > weight.budget;
    if (over) ok = false;
    console.log(
      `${weight.page.padEnd(14)} ${String(weight.files).padStart(6)} ${kb(weight.raw).padStart(9)} ${kb(weight.gzip).padStart(8)} ${(weight.budget ? kb(weight.budget) : '—').padStart(8)}${over ? '  OVER BUDGET' : ''}`,
    );
  }
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '../kiosk/dist'));
  if (!reportPageWeights(dist)) {
    console.error('Page weight check failed.');
    process.exit(1);
  }
}
