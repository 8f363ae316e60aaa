import { reserveCodesSchema } from '#shared/schemas';
import { http } from './lib/http.ts';
import { codeForKey } from './lib/code-for-key.ts';

/**
 * POST /api/kiosk/reserve-codes — `{ deviceId, keys }` → `{ codes: [{ key, trackingCode }] }`.
 * A kiosk asks, while online, for the tracking codes of Idempotency-Keys it generated and will use
 * for its next submissions; a petition queued offline then shows its code at once, and the code
 * works on /track once the queue has sent it (the code is the HMAC of the key, see submit.ts).
 * Nothing is written and the key never leaves the server: this only computes what the submission
 * itself would answer. Knowing a code this way needs the key, which only its kiosk holds.
 */
export const handler = http({
  body: reserveCodesSchema,
  handler: async ({ body }) => ({
    body: { codes: await Promise.all(body.keys.map(async (key) => ({ key, trackingCode: await codeForKey(key) }))) },
  }),
});
