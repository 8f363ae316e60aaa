/**
 * `npm run publish-stats [-- --month YYYY-MM …]`: the publication job against the running local
 * stack (DATA_DIR/stack.json), else DATA_DIR itself; files go to DATA_DIR/public/stats (served at
 * /stats/…). Without --month: the previous and the running month (plus any closed month missed).
 * Prints, per month, items read from the month's partitions ÷ records the month is about (1.0 =
 * each record read once, nothing else).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { config, useLocalStore } from './config.ts';
import { startLocalStore } from './stack.ts';
import { describeReport, localStatsOutput, publishLocalStats } from './stats-publication.ts';

async function connect(): Promise<() => Promise<void>> {
  try {
    const running = JSON.parse(await readFile(join(config.dataDir, 'stack.json'), 'utf8')) as { pid: number; dynamodbEndpoint: string };
    process.kill(running.pid, 0); // throws when that process is gone
    useLocalStore(running.dynamodbEndpoint);
    return async () => undefined;
  } catch {
    return (await startLocalStore({ seed: false })).close;
  }
}

const args = process.argv.slice(2);
const months = args.flatMap((arg, i) => (arg === '--month' ? [args[i + 1] ?? ''] : arg.startsWith('--month=') ? [arg.slice(8)] : []));
const bad = months.filter((m) => !/^\d{4}-(0[1-9]|1[0-2])$/.test(m));
if (bad.length) {
  console.error(`usage: npm run publish-stats [-- --month YYYY-MM …]  (not a month: ${bad.join(', ') || '(missing)'})`);
  process.exit(2);
}
const disconnect = await connect();
for (const report of await publishLocalStats(months)) console.log(describeReport(report));
console.log(`files in ${localStatsOutput().where}`);
await disconnect();
process.exit(0);
