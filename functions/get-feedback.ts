import { departmentRef } from '#shared/catalog';
import { trackingView } from '#shared/feedback';
import { loadCatalog } from './lib/catalog-store.ts';
import { getPublicCase } from './lib/citizen.ts';
import { http } from './lib/http.ts';

/** GET /api/feedback/{trackingCode} — public status; never contact data. Spam shows as closed (see trackingView). */
export const handler = http({
  handler: async ({ params }) => {
    const record = await getPublicCase(params.trackingCode, { spam: 'show' });
    return { body: trackingView(record, departmentRef(await loadCatalog(), record.departmentId)) };
  },
});
