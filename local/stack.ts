/**
 * The local stack as one object: dynalite on DATA_DIR, the table, demo data on first start.
 * Used by `npm start`, the import command, tests and benchmarks.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dynamo } from '#functions/lib/dynamo';
import { config, useLocalStore } from './config.ts';
import { ensureTable, startDynalite, type StoreHandle } from './dynamo-server.ts';
import { seedDemoData, type Seeded } from './seed.ts';

export type LocalStore = StoreHandle & { seeded?: Seeded };

/** Starts the store; `persist: false` keeps it in memory (tests). Seeds demo data into an empty DATA_DIR. */
export async function startLocalStore(options: { persist?: boolean; seed?: boolean; dataDir?: string } = {}): Promise<LocalStore> {
  const dataDir = options.dataDir ?? config.dataDir;
  const persist = options.persist ?? true;
  if (persist) await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
  const marker = join(dataDir, 'seeded.json');
  const store: LocalStore = await startDynalite({ path: persist ? join(dataDir, 'dynamodb') : undefined });
  useLocalStore(store.endpoint);
  await ensureTable(dynamo(), config.tableName);
  if (options.seed ?? true) {
    if (!persist || !existsSync(marker)) {
      const now = new Date();
      store.seeded = await seedDemoData(now);
      if (persist) await writeFile(marker, JSON.stringify({ at: now.toISOString(), ...store.seeded }));
    }
  }
  return store;
}
