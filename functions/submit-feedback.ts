import { departmentRef } from '#shared/catalog';
import { BadRequestError } from '#shared/errors';
import { receiptView } from '#shared/feedback';
import { feedbackInputSchema } from '#shared/schemas';
import { attributionFor } from './lib/duty.ts';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';
import { takeDeviceSlot } from './lib/rate-limit.ts';
import { checkIdempotencyKey, submitFeedback } from './lib/submit.ts';

/** POST /api/feedback — 201 with the receipt; a replay (same key, same body) gets the same receipt. */
export const handler = http({
  body: feedbackInputSchema,
  handler: async ({ body, headers, now }) => {
    const idempotencyKey = headers['idempotency-key'];
    checkIdempotencyKey(idempotencyKey);
    if (body.channel === 'kiosk' && !idempotencyKey) {
      throw new BadRequestError('Kiosks must send an Idempotency-Key header', { code: 'missing_idempotency_key' });
    }
    // Per-kiosk limit (also phones: the QR page sends a browser id); per-IP is WAF's, before us.
    if (body.deviceId) await takeDeviceSlot(body.deviceId, now);
    const attribution = await attributionFor(body, now);
    const { record, created } = await submitFeedback(body, { idempotencyKey, now, attribution });
    return {
      statusCode: 201, // a replay answers exactly as the first time
      body: receiptView(record, departmentRef(await loadCatalog(), record.departmentId)),
      headers: created ? undefined : { 'idempotent-replay': 'true' },
    };
  },
});
