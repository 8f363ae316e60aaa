import { departmentRef } from '#shared/catalog';
import { trackingView } from '#shared/feedback';
import { loadCatalog } from './lib/catalog-store.ts';
import { getPublicCase } from './lib/citizen.ts';
import { http } from './lib/http.ts';

/** GET /api/feedback/{trackingCode} — public status; never contact data. */
export const handler = http({
  handler: async ({ params }) => {
    const record = await getPublicCase(params.trackingCode);
    return { body: trackingView(record, departmentRef(await loadCatalog(), record.departmentId)) };
  },
});
