/**
 * `npm run publish-stats [-- --month YYYY-MM …]`: the publication job against the running local
 * stack (DATA_DIR/stack.json), else DATA_DIR itself; objects go to the local stats store (S3,
 * local/stats-store.ts; served at /stats/…). Without --month: the previous and the running month (plus any closed month missed).
 * Prints, per month, items read from the month's partitions ÷ records the month is about (1.0 =
 * each record read once, nothing else).
 */
import { connectToStore } from './connect.ts';
import { defaultStatsOutput } from '#functions/lib/stats-output';
import { describeReport, publishLocalStats } from './stats-publication.ts';

const args = process.argv.slice(2);
const months = args.flatMap((arg, i) => (arg === '--month' ? [args[i + 1] ?? ''] : arg.startsWith('--month=') ? [arg.slice(8)] : []));
const bad = months.filter((m) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(m));
if (bad.length) {
  console.error(`usage: npm run publish-stats [-- --month YYYY-MM …]  (not a month: ${bad.join(', ') || '(missing)'})`);
  process.exit(2);
}
const connection = await connectToStore();
for (const report of await publishLocalStats(months, new Date())) console.log(describeReport(report));
console.log(`objects in ${defaultStatsOutput().where}`);
await connection.close();
process.exit(0);
