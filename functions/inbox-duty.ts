import { officialFromClaims } from '#shared/auth';
import { dutyRequestSchema } from '#shared/duty';
import { setDuty } from './lib/duty.ts';
import { http } from './lib/http.ts';

/** POST /api/inbox/duty — `{ counterId }` starts duty there (replacing whoever was on duty), `{ counterId: null }` ends it. */
export const handler = http({
  body: dutyRequestSchema,
  handler: async ({ claims, body, now }) => ({ body: await setDuty(officialFromClaims(claims), body.counterId, now) }),
});
