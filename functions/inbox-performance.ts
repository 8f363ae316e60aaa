import { http } from './lib/http.ts';
import { performanceFor, performanceQuerySchema } from './lib/performance.ts';

/** GET /api/inbox/performance?month=YYYY-MM — the department's performance view (leads, admin with departmentId=; other officials their own row). */
export const handler = http({
  query: performanceQuerySchema,
  handler: async ({ claims, query, now }) => ({ body: await performanceFor(claims, query, now) }),
});
