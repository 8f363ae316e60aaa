import { canAccess, officialFromClaims } from '#shared/auth';
import { departmentRef } from '#shared/catalog';
import { BadRequestError, ForbiddenError } from '#shared/errors';
import { receiptView } from '#shared/feedback';
import { intakeReceivedAt, intakeSchema } from '#shared/intake';
import { toLocalIso } from '#shared/time';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';
import { putAuditEvent } from './lib/inbox-store.ts';
import { checkIdempotencyKey, submitFeedback } from './lib/submit.ts';

/**
 * POST /api/inbox/intake — an official enters a petition or comment received by phone, letter or at
 * the counter. It is submitted like an online one (same routing, receipt notice to the citizen) from
 * a counter of the official's department; the record and its audit trail say who entered it.
 */
export const handler = http({
  body: intakeSchema,
  handler: async ({ body, headers, claims, now }) => {
    const official = officialFromClaims(claims);
    const idempotencyKey = headers['idempotency-key'];
    if (!idempotencyKey) throw new BadRequestError('Send an Idempotency-Key header so a resent form is not entered twice', { code: 'missing_idempotency_key' });
    checkIdempotencyKey(idempotencyKey);
    const catalog = await loadCatalog();
    const counter = catalog.counters.get(body.counterId);
    if (!counter) throw new BadRequestError(`Unknown counter "${body.counterId}"`, { code: 'unknown_counter', details: [{ path: 'counterId', message: 'unknown counter' }] });
    if (!canAccess(official, counter.departmentId)) {
      throw new ForbiddenError('Enter petitions at a counter of your own department', { code: 'not_your_counter' });
    }
    const { receivedAt, consentForm, ...input } = body;
    const at = intakeReceivedAt(receivedAt, now);
    const enteredBy = { id: official.id, username: official.username };
    // Without receivedAt the record is received now; the idempotency hash then leaves the instant out, so a resend replays.
    const { record, created } = await submitFeedback(input, { idempotencyKey, now, receivedAt: receivedAt === undefined ? undefined : at, source: 'inbox', extra: { enteredBy, ...(consentForm && input.consent ? { consentForm } : {}) } });

    if (created) {
      await putAuditEvent(record.trackingCode, {
        version: 0,
        at: toLocalIso(now),
        by: { ...enteredBy, admin: official.admin },
        type: 'intake',
        from: 'received',
        to: 'received',
        departmentId: record.departmentId,
        details: { channel: record.channel },
      });
    }
    return {
      statusCode: 201,
      body: { ...receiptView(record, departmentRef(catalog, record.departmentId)), channel: record.channel, enteredBy },
      headers: created ? undefined : { 'idempotent-replay': 'true' },
    };
  },
});
