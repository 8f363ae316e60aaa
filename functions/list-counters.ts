import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';

/** GET /api/counters */
export const handler = http({
  handler: async () => {
    const catalog = await loadCatalog();
    const counters = [...catalog.counters.values()].map((counter) => {
      const department = catalog.departments.get(counter.departmentId);
      return { id: counter.id, name: counter.name, department: { id: counter.departmentId, name: department?.name ?? counter.departmentId } };
    });
    return { body: counters, headers: { 'cache-control': 'public, max-age=60' } };
  },
});
