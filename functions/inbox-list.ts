import { officialFromClaims } from '#shared/auth';
import { inboxItemView, inboxQuerySchema } from '#shared/inbox';
import { countScope, queryScope, resolveScope } from './lib/inbox.ts';
import { http } from './lib/http.ts';

/** GET /api/inbox — a page of the department's queue (or, for the admin, `all`), soonest due first, with open counts. */
export const handler = http({
  query: inboxQuerySchema,
  handler: async ({ query, claims, now }) => {
    const official = officialFromClaims(claims);
    const scope = await resolveScope(official, query.departmentId);
    const [page, byStatus] = await Promise.all([
      queryScope(scope, query, { now, limit: query.limit ? Number(query.limit) : undefined }),
      countScope(scope, now),
    ]);
    return { body: { departmentId: scope.departmentId, items: page.records.map((r) => inboxItemView(r, now)), nextCursor: page.nextCursor, counts: { byStatus } } };
  },
});
