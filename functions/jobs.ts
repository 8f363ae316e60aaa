/**
 * Functions that run on a schedule or a queue rather than behind a route. CDK deploys one function
 * per entry (EventBridge Scheduler); the local stack runs the same handlers on a timer.
 */
export type Job = {
  handler: string;
  /** EventBridge Scheduler expression, in Asia/Ho_Chi_Minh. */
  schedule: string;
  description: string;
  access: 'read' | 'write';
  /** AWS resources beyond the table (see Capability); infra grants exactly these. */
  uses?: Capability[];
  /** Defaults: 1024 MB, 300 s. */
  memoryMb?: number;
  timeoutSeconds?: number;
};

/**
 * What a function may use beyond the table. The CDK app (infra/) grants exactly these, least
 * privilege, and sets the environment variables in CAPABILITY_ENV; a new job or route needs no
 * infra edit. Locally the same variables may point anywhere (or stay unset: feature off).
 * - `stats-bucket`: read/write objects under `stats/` of the site bucket (served at /stats/*).
 * - `sms`: SNS Publish to phone numbers (SMS).
 * - `email`: SES SendEmail from MAIL_FROM (unset when no sender is configured: e-mail off).
 * - `dead-letters`: SQS SendMessage to the notifications dead-letter queue.
 * - `tracking-codes`: the per-deployment HMAC key that turns an Idempotency-Key into a tracking code
 *   (its Secrets Manager ARN and GetSecretValue on it; functions/lib/code-for-key.ts reads it at run time).
 */
export type Capability = 'stats-bucket' | 'sms' | 'email' | 'dead-letters' | 'tracking-codes';

export const CAPABILITY_ENV = {
  'stats-bucket': 'STATS_BUCKET',
  sms: 'SMS_SENDER_ID',
  email: 'MAIL_FROM',
  'dead-letters': 'DEAD_LETTER_QUEUE_URL',
  'tracking-codes': 'TRACKING_CODE_SECRET_ARN',
} as const satisfies Record<Capability, string>;

/**
 * Custom metrics (Powertools Metrics, EMF) that CloudWatch alarms watch. Namespace comes from
 * POWERTOOLS_METRICS_NAMESPACE, the `service` dimension from POWERTOOLS_SERVICE_NAME (= the
 * handler name); both are set by infra. Emit the notification age on every run (0 when empty).
 */
export const METRICS = {
  namespace: 'GopY',
  /** Seconds since the oldest notification still waiting in the outbox was created (Maximum). */
  oldestUndeliveredNotificationAge: 'OldestUndeliveredNotificationAgeSeconds',
} as const;

export const JOBS: Job[] = [
  {
    handler: 'publish-stats',
    // 00:30 local: the running month every day; on the 1st also the month that just closed.
    schedule: 'cron(30 0 * * ? *)',
    description: 'Publishes monthly statistics to stats/ (JSON, CSV, index)',
    access: 'write',
    uses: ['stats-bucket'],
  },
  {
    handler: 'deliver-notifications',
    schedule: 'rate(1 minute)',
    description: 'Delivers pending outbox notifications (SMS via SNS, e-mail via SES) with retries and dead-lettering',
    access: 'write',
    uses: ['sms', 'email', 'dead-letters'],
  },
  {
    handler: 'check-satisfaction',
    schedule: 'rate(1 hour)',
    description: 'Raises or clears rolling-satisfaction alerts per counter and notifies the department',
    access: 'write',
  },
  {
    handler: 'send-digests',
    // Hourly, but once a day per department (from 07:00 local on working days): a missed run catches up.
    schedule: 'rate(1 hour)',
    description: 'E-mails each department its morning digest: open, overdue and soon-due work',
    access: 'write',
  },
  {
    handler: 'reconcile-inbox-counts',
    // Hourly: heals counter drift and keeps the inbox's "received since" query to an hour of records.
    schedule: 'rate(1 hour)',
    description: 'Recomputes each department\'s open-work counters (inbox counts) from its queue',
    access: 'write',
  },
];
