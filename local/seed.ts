/** Loads the demo catalog and history through the same importer operators use. */
import { readFile } from 'node:fs/promises';
import { importCatalog, importFeedbackLine, monthsOfLine } from '#functions/lib/importer';
import type { Catalog } from '#shared/catalog';
import { demoHistory } from './demo/history.ts';

export async function loadDemoCatalog(): Promise<Catalog> {
  return JSON.parse(await readFile(new URL('./demo/catalog.json', import.meta.url), 'utf8')) as Catalog;
}

/** What seeding loaded; `months` (ascending) are those the history touches, all to be published. */
export type Seeded = { items: number; errors: number; months: string[] };

export async function seedDemoData(now: Date): Promise<Seeded> {
  const catalog = await loadDemoCatalog();
  await importCatalog(catalog);
  const lines = demoHistory(catalog, now);
  let errors = 0;
  const months = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const result = await importFeedbackLine(line, i + 1, now);
    if ('error' in result) {
      errors++;
      console.error('demo line failed', result);
    } else monthsOfLine(line).forEach((month) => months.add(month));
  }
  return { items: lines.length - errors, errors, months: [...months].sort() };
}
