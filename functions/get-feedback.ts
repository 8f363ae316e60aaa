import { departmentRef } from '#shared/catalog';
import { NotFoundError } from '#shared/errors';
import { trackingView } from '#shared/feedback';
import { parseTrackingCode } from '#shared/tracking-code';
import { loadCatalog } from './lib/catalog-store.ts';
import { getFeedback } from './lib/feedback-store.ts';
import { http } from './lib/http.ts';

/** GET /api/feedback/{trackingCode} — public status; never contact data. */
export const handler = http({
  handler: async ({ params }) => {
    const code = parseTrackingCode(params.trackingCode ?? '');
    const record = code ? await getFeedback(code) : undefined;
    if (!record || record.status === 'spam') throw new NotFoundError('No feedback with this tracking code', { code: 'unknown_tracking_code' });
    return { body: trackingView(record, departmentRef(await loadCatalog(), record.departmentId)) };
  },
});
