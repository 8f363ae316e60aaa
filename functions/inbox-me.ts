import { canAccess, officialFromClaims } from '#shared/auth';
import { CATEGORIES } from '#shared/workflow';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';
import { recordOfficial } from './lib/officials-store.ts';

/**
 * GET /api/inbox/me — who is signed in and the departments they may open (templates: GET /api/inbox/templates).
 * The inbox calls it on every page load: it also keeps the caller's officials-directory entry fresh.
 */
export const handler = http({
  handler: async ({ claims, now }) => {
    const official = officialFromClaims(claims);
    await recordOfficial(official, now);
    const catalog = await loadCatalog();
    const departments = [...catalog.departments.values()]
      .filter((d) => canAccess(official, d.id))
      .map((d) => ({
        id: d.id,
        name: d.name,
        own: official.departments.includes(d.id),
        counters: [...catalog.counters.values()].filter((c) => c.departmentId === d.id).map((c) => ({ id: c.id, name: c.name })),
      }));
    const allDepartments = [...catalog.departments.values()].map((d) => ({ id: d.id, name: d.name }));
    return { body: { official, departments, allDepartments, categories: CATEGORIES } };
  },
});
