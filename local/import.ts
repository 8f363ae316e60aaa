/**
 * `npm run import -- FILE [FILE…]`: a catalog JSON (upsert) or feedback JSON Lines.
 * Writes into the running local stack (DATA_DIR/stack.json), else opens DATA_DIR itself;
 * with `--aws` it writes into the DynamoDB table named by TABLE_NAME with the default AWS credentials.
 */
import { readFile } from 'node:fs/promises';
import { importCatalog, importFeedbackLine, monthsOfLine } from '#functions/lib/importer';
import { localMonthOf } from '#shared/time';
import { connectToStore } from './connect.ts';
import { describeReport, publishLocalStats } from './stats-publication.ts';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run import -- FILE [FILE…] [--aws]\n  FILE: catalog .json or feedback .jsonl');
  process.exit(2);
}

/** The import's instant (the CLI's one reading of the clock): what "today" and "this month" mean for it. */
const now = new Date();
const connection = await connectToStore({ aws: args.includes('--aws'), trackingCodes: files.some((file) => !file.endsWith('.json')) });
console.error(`importing into ${connection.where}`);
let failed = 0;
/** Months whose published statistics the imported lines change (receipt and event months). */
const touched = new Set<string>();
for (const file of files) {
  const text = await readFile(file, 'utf8');
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) {
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      const result = await importFeedbackLine(line, i + 1, now);
      if ('error' in result) failed++;
      else if (result.created) monthsOfLine(line).forEach((month) => touched.add(month));
      console.log(JSON.stringify(result));
    }
  } else {
    try {
      console.log(JSON.stringify({ file, catalog: await importCatalog(JSON.parse(text)) }));
    } catch (error) {
      failed++;
      console.log(JSON.stringify({ file, error: { message: (error as Error).message, details: (error as { details?: unknown }).details } }));
    }
  }
}
// Late imports change closed months: republish them locally (in AWS, invoke the publish-stats job).
if (touched.size && !args.includes('--aws')) {
  const current = localMonthOf(now);
  for (const report of await publishLocalStats([...touched].filter((m) => m <= current).sort(), now)) console.error(describeReport(report));
}
await connection.close();
process.exit(failed ? 1 : 0);
