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

/**
 * `trackingCodes`: the run creates records. In AWS their tracking codes must come from the stack's
 * own key (the TrackingCodeSecretArn output), never the built-in one published with the code.
 */
export async function connectToStore(options: { aws?: boolean; trackingCodes?: boolean } = {}): Promise<Connection> {
  if (options.aws) {
    if (!process.env.TABLE_NAME) throw new Error('--aws needs TABLE_NAME');
    if (options.trackingCodes && !process.env.TRACKING_CODE_SECRET) {
      throw new Error(
        '--aws with feedback needs TRACKING_CODE_SECRET, the stack\'s key: ' +
          'export TRACKING_CODE_SECRET=$(aws secretsmanager get-secret-value --secret-id <TrackingCodeSecretArn output> --query SecretString --output text)',
      );
    }
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
