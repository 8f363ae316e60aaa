import { createHash } from 'node:crypto';
import { departmentRef } from '#shared/catalog';
import { NotFoundError } from '#shared/errors';
import { trackingView } from '#shared/feedback';
import { infoReceivedMessage } from '#shared/notifications';
import { infoReplySchema } from '#shared/schemas';
import { toLocalIso } from '#shared/time';
import { parseTrackingCode } from '#shared/tracking-code';
import { applyCitizenInfo } from '#shared/workflow';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';
import { commitTransition } from './lib/inbox.ts';
import { getCase } from './lib/inbox-store.ts';
import { notifyDepartment, publicBaseUrl } from './lib/notify.ts';

const keyHash = (key: string) => createHash('sha256').update(key).digest('base64url');

/**
 * POST /api/feedback/{trackingCode}/info — the citizen answers the department's request for more
 * information; the tracking code is their key. The same Idempotency-Key again answers 200 unchanged.
 */
export const handler = http({
  body: infoReplySchema,
  handler: async ({ params, body, headers, now }) => {
    const code = parseTrackingCode(params.trackingCode ?? '');
    const record = code ? await getCase(code) : undefined;
    if (!record || record.status === 'spam') throw new NotFoundError('No feedback with this tracking code', { code: 'unknown_tracking_code' });
    const catalog = await loadCatalog();
    const key = headers['idempotency-key'] ? keyHash(headers['idempotency-key']) : undefined;
    if (key && record.infoReplyKey === key) return { body: trackingView(record, departmentRef(catalog, record.departmentId)) };

    const transition = applyCitizenInfo(record, body.text, { now: toLocalIso(now), catalog });
    if (key) transition.record.infoReplyKey = key;
    await commitTransition(record, transition, now);
    const department = catalog.departments.get(transition.record.departmentId) ?? { id: transition.record.departmentId };
    await notifyDepartment(department, (to) => infoReceivedMessage(to, record, publicBaseUrl()), 'info-received', now, record.trackingCode);
    return { body: trackingView(transition.record, departmentRef(catalog, transition.record.departmentId)) };
  },
});
