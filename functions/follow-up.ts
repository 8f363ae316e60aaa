import { assertAnswerPublished, buildFollowUpRecord, followUpSchema, linkFollowUp } from '#shared/answer-rating';
import { ConflictError } from '#shared/errors';
import { toLocalIso } from '#shared/time';
import { loadCatalog } from './lib/catalog-store.ts';
import { getPublicCase } from './lib/citizen.ts';
import { http } from './lib/http.ts';
import { commitTransition } from './lib/inbox.ts';
import { getCase } from './lib/inbox-store.ts';
import { flagStaleMonths } from './lib/stale-months.ts';
import { createOnce, hashRequest } from './lib/submit.ts';

const LINK_ATTEMPTS = 3;

/** Adds the follow-up to the original's list (idempotent), rereading it when someone wrote meanwhile. */
async function linkToOriginal(originalCode: string, followUpCode: string, now: Date): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const original = (await getCase(originalCode))!;
    const transition = linkFollowUp(original, followUpCode, toLocalIso(now));
    if (!transition) return;
    try {
      await commitTransition(original, transition, now);
      // Decision 766 counts the original as not satisfied in its receipt month, maybe closed already.
      await flagStaleMonths(transition.record, now);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt === LINK_ATTEMPTS) throw error;
    }
  }
}

/**
 * POST /api/feedback/{trackingCode}/follow-up — a new petition about the result of a published
 * answer: same department, the original's contact data and consent, linked both ways. One
 * Idempotency-Key, one record: a resent request answers 201 with the same tracking code.
 */
export const handler = http({
  body: followUpSchema,
  handler: async ({ params, body, headers, now }) => {
    const original = await getPublicCase(params.trackingCode);
    assertAnswerPublished(original);
    const catalog = await loadCatalog();
    const key = headers['idempotency-key'];
    const requestHash = hashRequest({ followUpOf: original.trackingCode, text: body.text });
    const { record } = await createOnce((trackingCode) => buildFollowUpRecord(original, body.text, catalog, { trackingCode, receivedAt: now, requestHash }), {
      idempotencyKey: key ? `follow-up:${original.trackingCode}:${key}` : undefined,
      requestHash,
      now,
    });
    // On a replay too: a first attempt that failed between the two writes is completed here.
    await linkToOriginal(original.trackingCode, record.trackingCode, now);
    return { statusCode: 201, body: { trackingCode: record.trackingCode, followUpOf: original.trackingCode } };
  },
});
