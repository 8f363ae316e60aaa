/**
 * A local-stack process for the harness (forked by ./processes.ts), so load and latency are not
 * measured inside the process that generates them, and the store can be killed on its own.
 * ROLE=store: dynalite on STORE_PATH (memory when unset) at STORE_PORT, counting requests per
 * operation at its HTTP layer. ROLE=api: the local server (adapter, per-IP guard, OIDC sign-in,
 * as `npm start` composes them) in front of DYNAMODB_ENDPOINT. ROLE=both: the two in one process.
 */
import type { IncomingMessage } from 'node:http';
import { importCatalog } from '#functions/lib/importer';
import { dynamo } from '#functions/lib/dynamo';
import { startLocalSignIn } from '#local/auth';
import { config, useLocalStore } from '#local/config';
import { ensureTable, startDynalite } from '#local/dynamo-server';
import { ipRateGuard } from '#local/rate-guard';
import { loadDemoCatalog, seedDemoData } from '#local/seed';
import { publishLocalStats } from '#local/stats-publication';
import { startStatsStore } from '#local/stats-store';
import { startServer } from '#local/server';

const role = process.env.ROLE ?? 'both';
const counts: Record<string, number> = {};
const send = (message: unknown) => process.send?.(message);

/** Starts dynalite and counts what reaches it, per operation (x-amz-target), at its HTTP layer. */
async function store(): Promise<string> {
  const handle = await startDynalite({ path: process.env.STORE_PATH || undefined, port: Number(process.env.STORE_PORT ?? 0) });
  handle.server.prependListener('request', (req: IncomingMessage) => {
    const op = String(req.headers['x-amz-target'] ?? '').split('.')[1];
    if (op) counts[op] = (counts[op] ?? 0) + 1;
  });
  return handle.endpoint;
}

let endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
if (role !== 'api') endpoint = await store();
let url: string | undefined;
if (role !== 'store') {
  useLocalStore(endpoint);
  await ensureTable(dynamo(), config.tableName);
  // SEED=history: the demo catalog and history, with statistics published (pages bench); else the catalog.
  if (process.env.SEED === 'history') {
    const now = new Date();
    await seedDemoData(now);
    await startStatsStore({ persist: false });
    await publishLocalStats([], now);
  } else if (process.env.SEED !== 'none') await importCatalog(await loadDemoCatalog());
  let signIn: Awaited<ReturnType<typeof startLocalSignIn>> | undefined;
  ({ url } = await startServer(Number(process.env.API_PORT ?? 0), {
    guards: [ipRateGuard()],
    authenticate: (header) => signIn!.authenticate(header),
    mounts: [(req, res) => signIn?.oidc.mount(req, res) ?? false],
  }));
  signIn = await startLocalSignIn(url);
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'counts') send({ type: 'counts', counts: { ...counts } });
  if (message.type === 'reset') {
    for (const op of Object.keys(counts)) delete counts[op];
    send({ type: 'reset' });
  }
});
send({ type: 'ready', endpoint, url });
