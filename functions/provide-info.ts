import { departmentRef } from '#shared/catalog';
import { trackingView } from '#shared/feedback';
import { infoReceivedMessage } from '#shared/notifications';
import { infoReplySchema } from '#shared/schemas';
import { toLocalIso } from '#shared/time';
import { applyCitizenInfo } from '#shared/workflow';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';
import { getPublicCase, idempotencyKeyOf } from './lib/citizen.ts';
import { commitTransition } from './lib/inbox.ts';
import { notifyDepartment, publicBaseUrl } from './lib/notify.ts';

/**
 * POST /api/feedback/{trackingCode}/info — the citizen answers the department's request for more
 * information; the tracking code is their key. The same Idempotency-Key again answers 200 unchanged.
 */
export const handler = http({
  body: infoReplySchema,
  handler: async ({ params, body, headers, now }) => {
    const record = await getPublicCase(params.trackingCode);
    const catalog = await loadCatalog();
    const key = idempotencyKeyOf(headers);
    if (key && record.infoReplyKey === key) return { body: trackingView(record, departmentRef(catalog, record.departmentId)) };

    const transition = applyCitizenInfo(record, body.text, { now: toLocalIso(now), catalog });
    if (key) transition.record.infoReplyKey = key;
    await commitTransition(record, transition, now);
    const department = catalog.departments.get(transition.record.departmentId) ?? { id: transition.record.departmentId };
    await notifyDepartment(department, (to) => infoReceivedMessage(to, record, publicBaseUrl()), 'info-received', now, record.trackingCode);
    return { body: trackingView(transition.record, departmentRef(catalog, transition.record.departmentId)) };
  },
});
