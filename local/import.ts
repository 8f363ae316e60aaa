/**
 * `npm run import -- FILE [FILE…]`: a catalog JSON (upsert) or feedback JSON Lines.
 * Writes into the running local stack (DATA_DIR/stack.json), else opens DATA_DIR itself;
 * with `--aws` it writes into the DynamoDB table named by TABLE_NAME with the default AWS credentials.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importCatalog, importFeedbackLine } from '#functions/lib/importer';
import { config, useLocalStore } from './config.ts';
import { startLocalStore } from './stack.ts';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run import -- FILE [FILE…] [--aws]\n  FILE: catalog .json or feedback .jsonl');
  process.exit(2);
}

async function connect(): Promise<() => Promise<void>> {
  if (args.includes('--aws')) {
    if (!process.env.TABLE_NAME) throw new Error('--aws needs TABLE_NAME');
    return async () => undefined;
  }
  try {
    const running = JSON.parse(await readFile(join(config.dataDir, 'stack.json'), 'utf8')) as { pid: number; dynamodbEndpoint: string };
    process.kill(running.pid, 0); // throws when that process is gone
    useLocalStore(running.dynamodbEndpoint);
    console.error(`importing into the running local stack (pid ${running.pid})`);
    return async () => undefined;
  } catch {
    const store = await startLocalStore({ seed: false });
    console.error(`importing into ${config.dataDir}`);
    return store.close;
  }
}

const disconnect = await connect();
let failed = 0;
for (const file of files) {
  const text = await readFile(file, 'utf8');
  if (file.endsWith('.jsonl') || file.endsWith('.ndjson')) {
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      const result = await importFeedbackLine(line, i + 1);
      if ('error' in result) failed++;
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
await disconnect();
process.exit(failed ? 1 : 0);
