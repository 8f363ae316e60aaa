/** `npm start`: the whole product on http://localhost:3000 (PORT overrides) with demo data. */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JOBS } from '#functions/jobs';
import { startLocalSignIn } from './auth.ts';
import { config } from './config.ts';
import { devOutboxMount } from './dev-outbox.ts';
import { startJobTimers } from './job-timer.ts';
import { ensurePagesBuilt } from './pages.ts';
import { ipRateGuard } from './rate-guard.ts';
import { registerDemoOfficials } from './officials.ts';
import { startServer } from './server.ts';
import { startLocalStore } from './stack.ts';
import { describeReport, publishLocalStats } from './stats-publication.ts';
import { startStatsStore } from './stats-store.ts';

await ensurePagesBuilt();
// One reading of the clock for the start-up work (publication, the officials directory).
const startedAt = new Date();
const [store, stats] = await Promise.all([startLocalStore(), startStatsStore()]);
if (store.seeded) console.log(`Demo data loaded: ${store.seeded.items} items.`);
// The statistics page reads the published objects only (S3, as in AWS): publish them once now (the daily job keeps them fresh);
// after seeding, every month of the demo history, so the 12-month charts have a trend to show.
await publishLocalStats(store.seeded?.months ?? [], startedAt)
  .then((reports) => reports.forEach((report) => console.log(`Statistics ${describeReport(report)}`)))
  .catch((error) => console.error('Statistics were not published:', (error as Error).message));
// Officials sign in through a real OpenID provider; keys live in DATA_DIR so tokens survive restarts.
const signIn = await startLocalSignIn(config.publicBaseUrl, config.dataDir);
// The inbox's list of officials to assign to: the demo officials, known before they sign in.
await registerDemoOfficials(signIn.oidc.officials, startedAt);
// Notifications go to files under DATA_DIR/outbox (read them at /dev/outbox); AWS uses SNS and SES.
process.env.NOTIFY_OUTBOX_DIR ??= join(config.dataDir, 'outbox');
process.env.PUBLIC_BASE_URL ??= config.publicBaseUrl;
// Departments without their own `alertEmail` in the catalog get alerts and citizens' replies here.
process.env.DEPARTMENT_ALERT_EMAIL ??= '{departmentId}@gopy.local';
const stopJobs = startJobTimers(JOBS);
const { server, url } = await startServer(config.port, {
  authenticate: signIn.authenticate,
  // Stands in for the WAF per-IP rate rule on public submissions (RATE_LIMIT_IP).
  guards: [ipRateGuard()],
  mounts: [signIn.oidc.mount, devOutboxMount(process.env.NOTIFY_OUTBOX_DIR)],
});
const stackFile = join(config.dataDir, 'stack.json');
await writeFile(stackFile, JSON.stringify({ pid: process.pid, url, dynamodbEndpoint: store.endpoint, s3Endpoint: stats.endpoint, tableName: config.tableName }));

console.log(`
Góp Ý is running on ${url}
  Kiosk:        ${url}/kiosk?counter=stp-quay-02
  QR page:      ${url}/q/bt-quay-01
  Tracking:     ${url}/track
  Inbox:        ${url}/inbox  (demo officials: local/demo/officials.json)
  Outbox:       ${url}/dev/outbox
  Statistics:   ${url}/stats
  API:          ${url}/api/health
Data in ${config.dataDir} (delete it to start again with fresh demo data). Ctrl+C stops.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  stopJobs();
  server.close();
  server.closeAllConnections();
  await Promise.all([store.close(), stats.close()]);
  await rm(stackFile, { force: true });
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
