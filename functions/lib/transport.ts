/**
 * How notifications leave: SNS (SMS) and SES (e-mail) in AWS, or files under a directory
 * (NOTIFY_OUTBOX_DIR, set by `npm start` to DATA_DIR/outbox). Chosen by configuration; the outbox
 * and delivery job are the same code either way.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Channel } from '#shared/notifications';
import type { OutboxItem } from './outbox.ts';

/**
 * `off`: channels this deployment has not configured (no SMS sender, no e-mail sender). Their
 * messages are skipped, not failed: a missing setting is a decision, not a delivery error.
 * `now`: the delivery run's instant (the file transport names and stamps files with it).
 */
export type Transport = { name: string; off?: readonly Channel[]; send: (message: OutboxItem, now: Date) => Promise<void> };

/** Which channels the environment turns on: SMS with SMS_SENDER_ID, e-mail with MAIL_FROM. */
export function channelsOn(env: Record<string, string | undefined>): Record<Channel, boolean> {
  return { sms: Boolean(env.SMS_SENDER_ID), email: Boolean(env.MAIL_FROM) };
}

/** A failure that retrying cannot fix (channel not configured, number unusable): straight to dead. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** Vietnamese numbers in E.164, as SNS wants them: 0912345678 → +84912345678. */
export function toE164(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (/^\+84\d{9,10}$/.test(digits)) return digits;
  if (/^0\d{9,10}$/.test(digits)) return `+84${digits.slice(1)}`;
  throw new PermanentDeliveryError(`not a Vietnamese phone number: ${phone}`);
}

export function fileTransport(dir: string): Transport {
  return {
    name: 'files',
    async send(message, now) {
      await mkdir(dir, { recursive: true });
      const sentAt = now.toISOString();
      const name = `${sentAt.replace(/[:.]/g, '-')}-${message.channel}-${message.id}.json`;
      const ref = [message.ref.kind, message.ref.trackingCode, message.ref.departmentId].filter(Boolean).join(' ');
      await writeFile(join(dir, name), JSON.stringify({ channel: message.channel, to: message.to, subject: message.subject, text: message.text, sentAt, ref }, null, 2));
    },
  };
}

export function awsTransport(env: Record<string, string | undefined> = process.env): Transport {
  let sns: SNSClient | undefined;
  let ses: SESv2Client | undefined;
  const on = channelsOn(env);
  return {
    name: 'aws',
    off: (Object.keys(on) as Channel[]).filter((channel) => !on[channel]),
    async send(message) {
      if (message.channel === 'sms') {
        if (!env.SMS_SENDER_ID) throw new PermanentDeliveryError('SMS is not configured (SMS_SENDER_ID)');
        sns ??= new SNSClient({});
        await sns.send(
          new PublishCommand({
            PhoneNumber: toE164(message.to),
            Message: message.text,
            MessageAttributes: {
              'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
              'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: env.SMS_SENDER_ID },
            },
          }),
        );
        return;
      }
      if (!env.MAIL_FROM) throw new PermanentDeliveryError('E-mail is not configured (MAIL_FROM)');
      ses ??= new SESv2Client({});
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: env.MAIL_FROM,
          Destination: { ToAddresses: [message.to] },
          Content: { Simple: { Subject: { Data: message.subject ?? 'Góp Ý', Charset: 'UTF-8' }, Body: { Text: { Data: message.text, Charset: 'UTF-8' } } } },
        }),
      );
    },
  };
}

export function transportFromEnv(env: Record<string, string | undefined> = process.env): Transport {
  return env.NOTIFY_OUTBOX_DIR ? fileTransport(env.NOTIFY_OUTBOX_DIR) : awsTransport(env);
}
