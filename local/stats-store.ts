/**
 * The local stand-in for the site bucket that holds the statistics: fauxqs, an S3-compatible
 * server from npm (the tests' S3 too), with its objects as plain files under DATA_DIR/s3 so what
 * was published survives a restart (in memory for tests). The publication job writes with the same
 * s3Output as in AWS and local/static.ts serves /stats/… by GetObject through it: only the endpoint
 * (S3_ENDPOINT, like DYNAMODB_ENDPOINT for dynalite) differs. fauxqs listens on all interfaces;
 * it only ever holds the public statistics.
 */
import { join } from 'node:path';
import { startFauxqs } from 'fauxqs';
import { config } from './config.ts';

/** Same key layout as AWS: `stats/…` objects (STATS_PREFIX) of the bucket. */
export const LOCAL_STATS_BUCKET = 'gopy-local-site';

export type StatsStore = { endpoint: string; close: () => Promise<void> };

/** Points the S3 port of this process (functions/lib/stats-output.ts) at the local store. */
export function useStatsStore(endpoint: string): void {
  process.env.S3_ENDPOINT = endpoint;
  process.env.STATS_BUCKET = LOCAL_STATS_BUCKET;
  process.env.AWS_REGION ??= 'ap-southeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
}

/** Starts the store with its bucket; `persist: false` keeps objects in memory (tests). */
export async function startStatsStore(options: { persist?: boolean; dataDir?: string } = {}): Promise<StatsStore> {
  const persist = options.persist ?? true;
  const server = await startFauxqs({ port: 0, logger: false, ...(persist ? { s3StorageDir: join(options.dataDir ?? config.dataDir, 's3') } : {}) });
  server.createBucket(LOCAL_STATS_BUCKET); // no-op when it exists (a restart)
  // An IP address: the SDK then addresses the bucket path-style, no `bucket.localhost` name to resolve.
  const endpoint = `http://127.0.0.1:${server.port}`;
  useStatsStore(endpoint);
  return { endpoint, close: () => server.stop() };
}
