/** Telling the citizen: composes the messages (shared/notifications) and queues them in the outbox. */
import type { FeedbackRecord } from '#shared/feedback';
import { citizenMessages, type CitizenNotice } from '#shared/notifications';
import { enqueue } from './outbox.ts';

export const publicBaseUrl = () => process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000';

/** Never throws: the action that caused the notice has already happened. */
export async function notifyCitizen(record: FeedbackRecord, notice: CitizenNotice, text?: string): Promise<void> {
  await enqueue(citizenMessages(record, notice, { baseUrl: publicBaseUrl(), text }), {
    trackingCode: record.trackingCode,
    departmentId: record.departmentId,
    kind: notice,
  });
}
