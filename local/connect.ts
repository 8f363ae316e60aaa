/**
 * How command-line tools reach the data: the running `npm start` (DATA_DIR/stack.json: its table and
 * stats store) when there is one, else DATA_DIR opened directly (LevelDB allows one process at a
 * time, so never both), or with `aws` the DynamoDB table TABLE_NAME under the default AWS credentials.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TRACKING_CODE_SECRET } from '#functions/lib/code-for-key';
import { readSecret } from '#functions/lib/secrets';
import { config, useLocalStore } from './config.ts';
import { startLocalStore } from './stack.ts';
import { startStatsStore, useStatsStore } from './stats-store.ts';

export type Connection = { where: string; close: () => Promise<void> };

/**
 * `trackingCodes`: the run creates records. In AWS their tracking codes must come from the stack's
 * own key, never the built-in one published with the code: code-for-key.ts reads it by
 * TRACKING_CODE_SECRET_ARN (the TrackingCodeSecretArn output) with the default credentials, once
 * here so a wrong ARN or a missing permission stops the run before the first line.
 */
export async function connectToStore(options: { aws?: boolean; trackingCodes?: boolean } = {}): Promise<Connection> {
  if (options.aws) {
    if (!process.env.TABLE_NAME) throw new Error('--aws needs TABLE_NAME');
    if (options.trackingCodes) await requireStackKey();
    return { where: `DynamoDB table ${process.env.TABLE_NAME}`, close: async () => undefined };
  }
  try {
    const running = JSON.parse(await readFile(join(config.dataDir, 'stack.json'), 'utf8')) as { pid: number; dynamodbEndpoint: string; s3Endpoint: string };
    process.kill(running.pid, 0); // throws when that process is gone
    useLocalStore(running.dynamodbEndpoint);
    useStatsStore(running.s3Endpoint);
    return { where: `the running local stack (pid ${running.pid})`, close: async () => undefined };
  } catch {
    const [store, stats] = await Promise.all([startLocalStore({ seed: false }), startStatsStore()]);
    return { where: config.dataDir, close: () => Promise.all([store.close(), stats.close()]).then(() => undefined) };
  }
}

async function requireStackKey(): Promise<void> {
  const hint = `export ${TRACKING_CODE_SECRET.arn}=<the stack's TrackingCodeSecretArn output>`;
  if (!process.env[TRACKING_CODE_SECRET.arn] && !process.env[TRACKING_CODE_SECRET.value]) {
    throw new Error(`--aws with feedback needs the stack's tracking-code key: ${hint}`);
  }
  try {
    await readSecret(TRACKING_CODE_SECRET);
  } catch (error) {
    throw new Error(`cannot read the tracking-code key ${process.env[TRACKING_CODE_SECRET.arn]}: ${(error as Error).message} (${hint}, with credentials allowed to read it)`, { cause: error });
  }
}
