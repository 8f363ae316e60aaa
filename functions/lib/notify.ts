/** Telling citizens and departments: composes the messages (shared/notifications) and queues them in the outbox. */
import type { Department } from '#shared/catalog';
import type { FeedbackRecord } from '#shared/feedback';
import { citizenMessages, type CitizenNotice, type Message } from '#shared/notifications';
import { enqueue } from './outbox.ts';

export const publicBaseUrl = () => process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000';

/** Never throws: the action that caused the notice has already happened. */
export async function notifyCitizen(record: FeedbackRecord, notice: CitizenNotice, now: Date, text?: string): Promise<void> {
  const ref = { trackingCode: record.trackingCode, departmentId: record.departmentId, kind: notice };
  await enqueue(citizenMessages(record, notice, { baseUrl: publicBaseUrl(), text }), ref, now);
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
