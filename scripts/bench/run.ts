/**
 * `npm run bench [-- --quick] [-- --only submissions,bundles,pages,scale] [-- --write-docs]`
 *
 * Prints one table: each figure with its baseline measured in the same run, and the ratio (these
 * machines are noisy; ratios travel, absolute times do not). Not part of `npm test`. `--quick`
 * runs a short version (< 5 min); `--write-docs` puts the table into docs/BENCHMARKS.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { benchBundles } from './bundles.ts';
import { table, type Row } from './lib/numbers.ts';
import { benchPages } from './pages.ts';
import { benchScale } from './scale.ts';
import { benchSubmissions } from './submissions.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, 'write-docs': { type: 'boolean', default: false } } });
const quick = values.quick;
const sections: Record<string, () => Promise<Row[]>> = {
  submissions: () => benchSubmissions(quick ? { latencyRuns: 200, seconds: 5, connections: 10, countRuns: 50 } : { latencyRuns: 1000, seconds: 20, connections: 10, countRuns: 200 }),
  bundles: () => benchBundles({ runs: quick ? 3 : 7 }),
  pages: () => benchPages({ lighthouseRuns: quick ? 1 : 3 }),
  scale: () => benchScale(quick ? { records: 5_000, samples: 10 } : { records: 100_000, samples: 30 }),
};
const chosen = values.only ? values.only.split(',') : Object.keys(sections);
const started = Date.now();
const rows: Row[] = [];
for (const name of chosen) {
  const run = sections[name];
  if (!run) throw new Error(`unknown section ${name}; one of ${Object.keys(sections).join(', ')}`);
  const t = Date.now();
  process.stderr.write(`bench: ${name}…`);
  rows.push(...(await run()));
  process.stderr.write(` ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
}
const header = `${quick ? 'Quick run' : 'Full run'} of ${new Date().toISOString().slice(0, 16)}Z on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; ${((Date.now() - started) / 1000).toFixed(0)} s.`;
const output = `${header}\n\n${table(rows)}\n`;
console.log(output);

if (values['write-docs']) {
  const file = 'docs/BENCHMARKS.md';
  const text = await readFile(file, 'utf8');
  const [begin, end] = ['<!-- bench:results -->', '<!-- /bench:results -->'];
  if (!text.includes(begin) || !text.includes(end)) throw new Error(`${file} has no ${begin} … ${end} block`);
  await writeFile(file, text.slice(0, text.indexOf(begin) + begin.length) + `\n${output}` + text.slice(text.indexOf(end)));
  console.error(`bench: results written to ${file}`);
}
process.exit(0);
