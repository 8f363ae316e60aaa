import { officialFromClaims } from '#shared/auth';
import { inboxItemView, inboxQuerySchema } from '#shared/inbox';
import { countScope, countScopeViews, queryScope, resolveScope } from './lib/inbox.ts';
import { http } from './lib/http.ts';

/** GET /api/inbox — a page of the department's queue (or, for the admin, `all`), soonest due first, with open counts and each view's count. */
export const handler = http({
  query: inboxQuerySchema,
  handler: async ({ query, claims, now }) => {
    const official = officialFromClaims(claims);
    const scope = await resolveScope(official, query.departmentId);
    const [page, byStatus, byView] = await Promise.all([
      queryScope(scope, query, { now, limit: query.limit ? Number(query.limit) : undefined }),
      countScope(scope, now),
      // The tabs' counts: on the first page only (the next pages keep the ones already shown).
      query.cursor ? undefined : countScopeViews(scope, now),
    ]);
    return { body: { departmentId: scope.departmentId, items: page.records.map((r) => inboxItemView(r, now)), nextCursor: page.nextCursor, counts: { byStatus, ...(byView ? { byView } : {}) } } };
  },
});
