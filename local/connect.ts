/**
 * How command-line tools reach the data: the running `npm start` (DATA_DIR/stack.json) when there
 * is one, else DATA_DIR opened directly (LevelDB allows one process at a time, so never both), or
 * with `aws` the DynamoDB table TABLE_NAME under the default AWS credentials.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { config, useLocalStore } from './config.ts';
import { startLocalStore } from './stack.ts';

export type Connection = { where: string; close: () => Promise<void> };

export async function connectToStore(options: { aws?: boolean } = {}): Promise<Connection> {
  if (options.aws) {
    if (!process.env.TABLE_NAME) throw new Error('--aws needs TABLE_NAME');
    return { where: `DynamoDB table ${process.env.TABLE_NAME}`, close: async () => undefined };
  }
  try {
    const running = JSON.parse(await readFile(join(config.dataDir, 'stack.json'), 'utf8')) as { pid: number; dynamodbEndpoint: string };
    process.kill(running.pid, 0); // throws when that process is gone
    useLocalStore(running.dynamodbEndpoint);
    return { where: `the running local stack (pid ${running.pid})`, close: async () => undefined };
  } catch {
    const store = await startLocalStore({ seed: false });
    return { where: config.dataDir, close: store.close };
  }
}
