import { answerRatingSchema, rateAnswer } from '#shared/answer-rating';
import { departmentRef } from '#shared/catalog';
import { trackingView } from '#shared/feedback';
import { toLocalIso } from '#shared/time';
import { loadCatalog } from './lib/catalog-store.ts';
import { getPublicCase, idempotencyKeyOf } from './lib/citizen.ts';
import { http } from './lib/http.ts';
import { commitTransition } from './lib/inbox.ts';
import { flagStaleMonths } from './lib/stale-months.ts';

/**
 * POST /api/feedback/{trackingCode}/answer-rating — the citizen rates the published answer
 * (`satisfied` | `acceptable` | `dissatisfied`, optional comment); the latest rating stands.
 * 409 `not_answered` while nothing is published. The same Idempotency-Key again answers 200 unchanged.
 */
export const handler = http({
  body: answerRatingSchema,
  handler: async ({ params, body, headers, now }) => {
    const record = await getPublicCase(params.trackingCode);
    const catalog = await loadCatalog();
    const key = idempotencyKeyOf(headers);
    if (key && record.answerRatingKey === key) return { body: trackingView(record, departmentRef(catalog, record.departmentId)) };

    const transition = rateAnswer(record, body, { now: toLocalIso(now), key });
    await commitTransition(record, transition, now);
    // Decision 766 counts it in the receipt month, which may be closed and published already.
    await flagStaleMonths(transition.record, now);
    return { body: trackingView(transition.record, departmentRef(catalog, transition.record.departmentId)) };
  },
});
