import { officialFromClaims } from '#shared/auth';
import { currentDuty } from './lib/duty.ts';
import { http } from './lib/http.ts';

/** GET /api/inbox/duty — where the signed-in official is on duty: `{ counterId | null, official, since }`. */
export const handler = http({
  handler: async ({ claims }) => ({ body: await currentDuty(officialFromClaims(claims)) }),
});
