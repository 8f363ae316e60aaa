import { officialFromClaims } from '#shared/auth';
import { inboxItemView, inboxQuerySchema } from '#shared/inbox';
import { resolveDepartment } from './lib/inbox.ts';
import { countOpenByStatus } from './lib/inbox-counts.ts';
import { queryQueue } from './lib/inbox-store.ts';
import { http } from './lib/http.ts';

/** GET /api/inbox — a page of the department's queue, soonest due first, with open counts. */
export const handler = http({
  query: inboxQuerySchema,
  handler: async ({ query, claims }) => {
    const official = officialFromClaims(claims);
    const departmentId = await resolveDepartment(official, query.departmentId);
    const now = new Date();
    const [page, byStatus] = await Promise.all([
      queryQueue(departmentId, query, { now, limit: query.limit ? Number(query.limit) : undefined }),
      countOpenByStatus(departmentId, now),
    ]);
    return { body: { departmentId, items: page.records.map((r) => inboxItemView(r, now)), nextCursor: page.nextCursor, counts: { byStatus } } };
  },
});
