import * as z from 'zod/mini';
import { officialFromClaims } from '#shared/auth';
import { id } from '#shared/schemas';
import { listAlerts } from './lib/alert-store.ts';
import { resolveScope } from './lib/inbox.ts';
import { http } from './lib/http.ts';

/** GET /api/inbox/alerts — satisfaction alerts of the department shown, or of all for the admin (the inbox's banner). */
export const handler = http({
  query: z.strictObject({ departmentId: z.optional(id) }),
  handler: async ({ claims, query }) => {
    const { departmentId, departmentIds } = await resolveScope(officialFromClaims(claims), query.departmentId);
    return { body: { departmentId, alerts: (await Promise.all(departmentIds.map(listAlerts))).flat() } };
  },
});
