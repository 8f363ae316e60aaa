import * as z from 'zod/mini';
import { officialFromClaims } from '#shared/auth';
import { id } from '#shared/schemas';
import { resolveDepartment } from './lib/inbox.ts';
import { listOfficials, recordOfficial } from './lib/officials-store.ts';
import { http } from './lib/http.ts';

/**
 * GET /api/inbox/officials?departmentId= — the department's officials to assign a record to (name
 * and id, by name), from the officials directory. The caller is written into it first, so the
 * list always holds them.
 */
export const handler = http({
  query: z.strictObject({ departmentId: z.optional(id) }),
  handler: async ({ query, claims, now }) => {
    const official = officialFromClaims(claims);
    const departmentId = await resolveDepartment(official, query.departmentId);
    await recordOfficial(official, now);
    const officials = (await listOfficials(departmentId)).map((entry) => ({ id: entry.id, name: entry.name }));
    return { body: { departmentId, officials } };
  },
});
