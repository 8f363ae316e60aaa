/**
 * Scheduled job: delivers due outbox items. Each item is claimed first (attempt count + next
 * attempt time, conditional write), so two runs never send it twice; a failure leaves it pending
 * for the backoff, and after MAX_ATTEMPTS (or a permanent error) it goes to the dead-letter state
 * (and the dead-letter queue when one is configured, for the alarm). An item whose channel this
 * deployment has not configured (transport `off`) is marked skipped, with one warning per run.
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DELIVERIES_PER_RECIPIENT_PER_RUN, fairBatch } from '#shared/notifications';
import { toLocalIso } from '#shared/time';
import { METRICS } from './jobs.ts';
import { log } from './lib/log.ts';
import { duePending, MAX_ATTEMPTS, oldestPending, recordAttempt, retryDelayMs, type OutboxItem } from './lib/outbox.ts';
import { PermanentDeliveryError, transportFromEnv, type Transport } from './lib/transport.ts';

let sqs: SQSClient | undefined;
/** Messages one run sends at most, and the due items it looks at to choose them fairly. */
const BATCH = 100;
const SCAN_PENDING = 1000;

async function deadLetter(entry: OutboxItem): Promise<void> {
  const queueUrl = process.env.DEAD_LETTER_QUEUE_URL;
  if (!queueUrl) return;
  sqs ??= new SQSClient({});
  // The message names the item, not the person: contact data stays in the table.
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ outboxId: entry.id, channel: entry.channel, ref: entry.ref, lastError: entry.lastError }) }));
}

async function emitAgeMetric(now: Date): Promise<void> {
  if (!process.env.POWERTOOLS_METRICS_NAMESPACE) return; // set by infra; locally no metrics backend
  const oldest = await oldestPending();
  const metrics = new Metrics({ namespace: METRICS.namespace });
  metrics.addMetric(METRICS.oldestUndeliveredNotificationAge, MetricUnit.Seconds, oldest ? Math.max(0, (now.getTime() - Date.parse(oldest.createdAt)) / 1000) : 0);
  metrics.publishStoredMetrics();
}

export async function deliverDue(options: { now: Date; transport?: Transport }) {
  const { now } = options;
  const transport = options.transport ?? transportFromEnv();
  const counts = { delivered: 0, retried: 0, dead: 0, skipped: 0, off: 0 };
  const off = new Map<string, number>();
  // Fair: at most a few per recipient per run, round-robin, so a flood to one delays nobody else.
  const batch = fairBatch(await duePending(now, SCAN_PENDING), { perRecipient: DELIVERIES_PER_RECIPIENT_PER_RUN, max: BATCH });
  for (const entry of batch) {
    if (transport.off?.includes(entry.channel)) {
      if (await recordAttempt(entry, { ...entry, state: 'skipped', lastError: `${entry.channel} is not configured` }, now)) {
        counts.off++;
        off.set(entry.channel, (off.get(entry.channel) ?? 0) + 1);
      }
      continue;
    }
    const attempts = entry.attempts + 1;
    const claimed: OutboxItem = { ...entry, attempts, nextAttemptAt: toLocalIso(now.getTime() + retryDelayMs(attempts)) };
    if (!(await recordAttempt(entry, claimed, now))) {
      counts.skipped++;
      continue;
    }
    try {
      await transport.send(entry, now);
      await recordAttempt(claimed, { ...claimed, state: 'delivered', deliveredAt: toLocalIso(now) }, now);
      counts.delivered++;
    } catch (error) {
      const dead = attempts >= MAX_ATTEMPTS || error instanceof PermanentDeliveryError;
      const failed: OutboxItem = { ...claimed, state: dead ? 'dead' : 'pending', lastError: (error as Error).message.slice(0, 300) };
      await recordAttempt(claimed, failed, now);
      log(dead ? 'error' : 'warn', dead ? 'notification dead-lettered' : 'notification delivery failed, will retry', { outboxId: entry.id, attempts, error });
      if (dead) {
        counts.dead++;
        await deadLetter(failed).catch((e) => log('error', 'dead-letter queue send failed', { error: e }));
      } else counts.retried++;
    }
  }
  for (const [channel, skipped] of off) log('warn', 'notification channel not configured: messages skipped', { channel, skipped });
  await emitAgeMetric(now);
  return { transport: transport.name, ...counts };
}

export const handler = async () => deliverDue({ now: new Date() });
