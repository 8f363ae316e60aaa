import { departmentRef } from '#shared/catalog';
import { BadRequestError } from '#shared/errors';
import { receiptView } from '#shared/feedback';
import { feedbackInputSchema, IDEMPOTENCY_KEY } from '#shared/schemas';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';
import { takeDeviceSlot } from './lib/rate-limit.ts';
import { submitFeedback } from './lib/submit.ts';

/** POST /api/feedback — 201 with the receipt; a replay (same key, same body) gets the same receipt. */
export const handler = http({
  body: feedbackInputSchema,
  handler: async ({ body, headers, now }) => {
    const idempotencyKey = headers['idempotency-key'];
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequestError('Idempotency-Key must be 8–128 letters, digits or -_.:', { code: 'invalid_idempotency_key' });
    }
    if (body.channel === 'kiosk' && !idempotencyKey) {
      throw new BadRequestError('Kiosks must send an Idempotency-Key header', { code: 'missing_idempotency_key' });
    }
    // Per-kiosk limit (also phones: the QR page sends a browser id); per-IP is WAF's, before us.
    if (body.deviceId) await takeDeviceSlot(body.deviceId, now);
    const { record, created } = await submitFeedback(body, { idempotencyKey, now });
    return {
      statusCode: 201, // a replay answers exactly as the first time
      body: receiptView(record, departmentRef(await loadCatalog(), record.departmentId)),
      headers: created ? undefined : { 'idempotent-replay': 'true' },
    };
  },
});
