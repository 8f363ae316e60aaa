import { departmentRef } from '#shared/catalog';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';

/** GET /api/counters */
export const handler = http({
  handler: async () => {
    const catalog = await loadCatalog();
    const counters = [...catalog.counters.values()].map((counter) => ({
      id: counter.id,
      name: counter.name,
      department: departmentRef(catalog, counter.departmentId),
    }));
    return { body: counters, headers: { 'cache-control': 'public, max-age=60' } };
  },
});
