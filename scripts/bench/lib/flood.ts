/**
 * `npm run load -- --scenario flood [--flood 290] [--others 20] [--receipt-cap off]`
 *
 * Notifications as a weapon: `flood` petitions naming one victim's phone and e-mail arrive within
 * seconds through the API (store and API in separate processes), while `others` citizens submit
 * theirs in the middle of it. Then the delivery job runs once per simulated minute (as scheduled
 * in AWS) until the outbox is empty. Prints how many messages the victim received and how long the
 * others waited for their receipt. `--receipt-cap off` shows fair delivery alone, without the cap.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { config } from '#local/config';
import { freePort } from './free-port.ts';
import { startStackProcess } from './processes.ts';

type Sent = { to: string; trackingCode?: string; createdAt: string; at: number };

export async function runFloodScenario(options: { flood: number; others: number; receiptCap?: string }): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gopy-flood-'));
  const store = await startStackProcess('store', { STORE_PATH: join(dataDir, 'dynamodb'), STORE_PORT: String(await freePort()) });
  const api = await startStackProcess('api', {
    DYNAMODB_ENDPOINT: store.endpoint,
    DATA_DIR: dataDir,
    // Every simulated client is 127.0.0.1 here: the per-IP rule (WAF in AWS) would mix the flood with the others.
    RATE_LIMIT_IP: 'off',
    ...(options.receiptCap ? { RECEIPT_NOTICES_PER_DAY: options.receiptCap } : {}),
  });
  // The delivery job runs here, against the same store.
  Object.assign(process.env, { DYNAMODB_ENDPOINT: store.endpoint, TABLE_NAME: config.tableName, AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  const { deliverDue } = await import('#functions/deliver-notifications');

  const victim = { name: 'Nguyễn Thị Bị Hại', phone: '0916 222 333', email: 'bi.hai@example.vn' };
  const submit = async (i: number, contact: object) => {
    const response = await fetch(`${api.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ counterId: 'stp-quay-02', kind: 'pakn', channel: 'qr', comment: `Phản ánh thử ${i}`, contact, consent: true }),
    });
    await response.arrayBuffer();
    return response.status;
  };
  const started = Date.now();
  let next = 0;
  let accepted = 0;
  const flood = Array.from({ length: 16 }, async () => {
    while (next < options.flood) if ((await submit(next++, victim)) === 201) accepted++;
  });
  // The others arrive while the flood is halfway in.
  while (next < options.flood / 2) await new Promise((resolve) => setTimeout(resolve, 5));
  const others = Promise.all(
    Array.from({ length: options.others }, (_, i) => submit(10_000 + i, { name: `Người dân ${i}`, phone: `0903 ${String(100_000 + i).slice(1)}0`, email: `nguoi.dan.${i}@example.vn` })),
  );
  await Promise.all([...flood, others]);
  const floodSeconds = (Date.now() - started) / 1000;

  // The job every minute: run k happens k minutes after the flood ended.
  const sent: Sent[] = [];
  const t0 = Date.now();
  let runs = 0;
  for (let k = 0; k < 2000; k++) {
    const at = t0 + k * 60_000;
    const result = await deliverDue({ now: new Date(at), transport: { name: 'simulated', send: async (m) => void sent.push({ to: m.to, trackingCode: m.ref.trackingCode, createdAt: m.createdAt, at }) } });
    runs = k + 1;
    if (result.delivered === 0 && result.retried === 0) break;
  }

  const isVictim = (s: Sent) => s.to === '0916222333' || s.to === victim.email;
  const delays = sent.filter((s) => !isVictim(s)).map((s) => Math.max(0, (s.at - Date.parse(s.createdAt)) / 1000)).sort((a, b) => a - b);
  const pct = (p: number) => delays[Math.min(delays.length - 1, Math.floor(p * delays.length))] ?? 0;
  console.log(`flood: ${options.flood} petitions naming one phone and e-mail + ${options.others} other citizens in ${floodSeconds.toFixed(1)} s; receipt cap ${options.receiptCap ?? 'default'}`);
  console.log(`accepted: ${accepted}/${options.flood} flood petitions (201)`);
  console.log(`flooded recipient received: ${sent.filter((s) => s.to === '0916222333').length} SMS, ${sent.filter((s) => s.to === victim.email).length} e-mails`);
  console.log(`others' receipts: ${delays.length} messages; delay median ${pct(0.5).toFixed(1)} s, p95 ${pct(0.95).toFixed(1)} s, max ${(delays.at(-1) ?? 0).toFixed(1)} s (job every minute; ${runs} runs until the outbox was empty)`);

  await api.kill();
  await store.kill();
  await rm(dataDir, { recursive: true, force: true });
}
