/** Telling citizens and departments: composes the messages (shared/notifications) and queues them in the outbox. */
import type { Department } from '#shared/catalog';
import type { FeedbackRecord } from '#shared/feedback';
import { citizenMessages, recipientOf, RECEIPTS_PER_RECIPIENT_PER_DAY, type CitizenNotice, type Message } from '#shared/notifications';
import { endOfLocalDay, localDayOf } from '#shared/time';
import { keyedHash } from './code-for-key.ts';
import { keys } from './keys.ts';
import { log } from './log.ts';
import { enqueue } from './outbox.ts';
import { takeSlot } from './rate-limit.ts';

export const publicBaseUrl = () => process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000';

/** RECEIPT_NOTICES_PER_DAY overrides the daily receipt cap per recipient (`off` or 0: none). */
const receiptCap = () => {
  const value = process.env.RECEIPT_NOTICES_PER_DAY;
  return value === undefined ? RECEIPTS_PER_RECIPIENT_PER_DAY : /^off$/i.test(value) ? 0 : Number(value);
};

/** Keyed hash: the cap's key names no phone number or address (a plain hash of a phone number is easily reversed). */
const recipientHash = (message: Message) => keyedHash(recipientOf(message));

/** The receipt notices within each recipient's daily cap (the local day of receipt: this notice is sent then). */
async function withinReceiptCap(record: FeedbackRecord, messages: Message[]): Promise<Message[]> {
  const cap = receiptCap();
  if (!(cap > 0)) return messages;
  const day = localDayOf(record.receivedAt);
  const expiresAt = Math.floor(Date.parse(endOfLocalDay(day)) / 1000) + 86_400;
  const allowed: Message[] = [];
  try {
    for (const message of messages) if (await takeSlot(keys.receiptCap(await recipientHash(message), day), cap, expiresAt)) allowed.push(message);
  } catch (error) {
    // Unknown count: send nothing rather than risk the flood; the submission itself is accepted.
    log('error', 'receipt cap unavailable, receipt notices not sent', { error, trackingCode: record.trackingCode });
    return [];
  }
  return allowed;
}

/** Never throws: the action that caused the notice has already happened. */
export async function notifyCitizen(record: FeedbackRecord, notice: CitizenNotice, now: Date, text?: string): Promise<void> {
  const messages = citizenMessages(record, notice, { baseUrl: publicBaseUrl(), text });
  const ref = { trackingCode: record.trackingCode, departmentId: record.departmentId, kind: notice };
  await enqueue(notice === 'received' ? await withinReceiptCap(record, messages) : messages, ref, now);
}

/**
 * A department's mailbox: its catalog `alertEmail`, else DEPARTMENT_ALERT_EMAIL with `{departmentId}`
 * replaced; undefined when neither is set (then only the inbox shows it).
 */
export function departmentAddress(department: Pick<Department, 'id' | 'alertEmail'>): string | undefined {
  return department.alertEmail ?? process.env.DEPARTMENT_ALERT_EMAIL?.replaceAll('{departmentId}', department.id);
}

/** Queues `compose(address)` to the department, if it has an address. Never throws. */
export async function notifyDepartment(department: Pick<Department, 'id' | 'alertEmail'>, compose: (to: string) => Message, kind: string, now: Date, trackingCode?: string): Promise<void> {
  const to = departmentAddress(department);
  if (to) await enqueue([compose(to)], { departmentId: department.id, kind, ...(trackingCode ? { trackingCode } : {}) }, now);
}
