import * as z from 'zod/mini';
import { officialFromClaims } from '#shared/auth';
import { HttpError } from '#shared/errors';
import { BULK_ACTIONS } from '#shared/workflow';
import { performAction } from './lib/inbox.ts';
import { http } from './lib/http.ts';

const bulkSchema = z.strictObject({
  type: z.enum(BULK_ACTIONS),
  trackingCodes: z.array(z.string().check(z.maxLength(20))).check(z.minLength(1), z.maxLength(100)),
});

/** POST /api/inbox/bulk-actions — acknowledge or close many records; one result per record. */
export const handler = http({
  body: bulkSchema,
  handler: async ({ body, claims, now }) => {
    const official = officialFromClaims(claims);
    const results = [];
    for (const code of new Set(body.trackingCodes)) {
      try {
        const { record } = await performAction(code, { type: body.type }, official, now);
        results.push({ trackingCode: code, ok: true, status: record.status });
      } catch (error) {
        if (!(error instanceof HttpError) || !error.expose) throw error;
        results.push({ trackingCode: code, ok: false, error: { code: error.code, message: error.message } });
      }
    }
    return { body: { results } };
  },
});
