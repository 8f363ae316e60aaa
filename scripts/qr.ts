/**
 * `npm run qr -- --counter ID [--counter ID2…]` or `npm run qr -- --all`: posters with the QR code to
 * `${PUBLIC_BASE_URL}/q/{counterId}` in A4 and A5, SVG and PDF, written to `posters/` (or `--out DIR`).
 * Counters and department names come from a catalog file (`--catalog FILE`, default: the demo catalog),
 * the same file format `npm run import` reads. Each poster gives the number to call without a smartphone:
 * the department's `publicPhone`, else the centre's (`tiep-nhan-chung`); a counter with neither is refused.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hotlineOf, TRIAGE_DEPARTMENT_ID } from '#shared/catalog';
import { catalogSchema } from '#shared/import-schema';
import { config } from '#local/config';
import { loadDemoCatalog } from '#local/seed';
import { posterPdf, posterSvg, type PaperSize } from './poster.ts';

const { values } = parseArgs({
  options: {
    counter: { type: 'string', multiple: true },
    all: { type: 'boolean' },
    catalog: { type: 'string' },
    out: { type: 'string' },
  },
});

if (!values.all && !values.counter?.length) {
  console.error('usage: npm run qr -- --counter ID [--counter ID…] | --all  [--catalog FILE] [--out DIR]\n  PUBLIC_BASE_URL sets the address in the QR code.');
  process.exit(2);
}

const raw = values.catalog ? JSON.parse(await readFile(values.catalog, 'utf8')) : await loadDemoCatalog();
const parsed = catalogSchema.safeParse(raw);
if (!parsed.success) {
  console.error('The catalog file is not valid:', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  process.exit(1);
}
const catalog = parsed.data;
const departments = new Map(catalog.departments.map((d) => [d.id, d]));
const unknown = (values.counter ?? []).filter((id) => !catalog.counters.some((c) => c.id === id));
if (unknown.length) {
  console.error(`Unknown counter(s): ${unknown.join(', ')}. Known: ${catalog.counters.map((c) => c.id).join(', ')}`);
  process.exit(1);
}
const counters = values.all ? catalog.counters : catalog.counters.filter((c) => values.counter!.includes(c.id));
const noPhone = counters.filter((c) => !hotlineOf(departments, c.departmentId));
if (noPhone.length) {
  console.error(
    `No number to call on the poster of: ${noPhone.map((c) => c.id).join(', ')}. Give their department a publicPhone, or the centre (${TRIAGE_DEPARTMENT_ID}) one, in the catalog.`,
  );
  process.exit(1);
}
const base = config.publicBaseUrl.replace(/\/+$/, '');
const out = resolve(values.out ?? 'posters');
await mkdir(out, { recursive: true });

for (const counter of counters) {
  const department = { name: departments.get(counter.departmentId)?.name ?? counter.departmentId };
  const info = { id: counter.id, name: counter.name, department, phone: hotlineOf(departments, counter.departmentId)! };
  const url = `${base}/q/${encodeURIComponent(counter.id)}`;
  for (const paper of ['A4', 'A5'] as PaperSize[]) {
    const stem = join(out, `${counter.id}-${paper.toLowerCase()}`);
    await writeFile(`${stem}.svg`, posterSvg(info, url, paper));
    await writeFile(`${stem}.pdf`, await posterPdf(info, url, paper));
  }
  console.log(`${counter.id}: ${url} → ${join(out, counter.id)}-{a4,a5}.{svg,pdf}`);
}
console.log(`${counters.length} counter(s), ${counters.length * 4} files in ${out}`);
