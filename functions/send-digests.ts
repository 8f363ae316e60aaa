/**
 * Scheduled job (hourly): on each working day from 07:00 local, e-mails every department with a
 * mailbox (catalog `alertEmail` or DEPARTMENT_ALERT_EMAIL) the state of its open work: how many
 * records are open, overdue, and due by the end of the next working day. Once per day per
 * department (a claim item), so a missed or repeated run neither skips nor doubles it.
 */
import { digestDay, dueSoonBefore } from '#shared/digest';
import { digestMessage } from '#shared/notifications';
import { toLocalIso } from '#shared/time';
import { loadCatalog } from './lib/catalog-store.ts';
import { claimDigest, countOpenDueBy } from './lib/digest-store.ts';
import { countOpenByStatus } from './lib/inbox-counts.ts';
import { log } from './lib/log.ts';
import { departmentAddress, notifyDepartment, publicBaseUrl } from './lib/notify.ts';

export async function sendDigests(now: Date): Promise<{ day?: string; sent: string[] }> {
  const day = digestDay(now);
  if (!day) return { sent: [] };
  const sent: string[] = [];
  for (const department of (await loadCatalog()).departments.values()) {
    if (!departmentAddress(department) || !(await claimDigest(department.id, day, now))) continue;
    const open = Object.values(await countOpenByStatus(department.id, now)).reduce((a, b) => a + b, 0);
    if (open === 0) continue; // nothing to do: no e-mail
    const [overdue, dueByTomorrow] = await Promise.all([countOpenDueBy(department.id, toLocalIso(now)), countOpenDueBy(department.id, dueSoonBefore(now))]);
    const figures = { open, overdue, dueSoon: dueByTomorrow - overdue };
    await notifyDepartment(department, (to) => digestMessage(to, department, figures, day, publicBaseUrl()), 'daily-digest', now);
    sent.push(department.id);
  }
  return { day, sent };
}

export const handler = async () => {
  const result = await sendDigests(new Date());
  log('info', 'digests', result);
  return result;
};
