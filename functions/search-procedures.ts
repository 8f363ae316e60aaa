import * as z from 'zod/mini';
import { departmentRef } from '#shared/catalog';
import { matchesQuery } from '#shared/text';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';

const query = z.object({ q: z.optional(z.string().check(z.maxLength(200))) });

/** GET /api/procedures?q= — by code or name, ignoring diacritics and case. */
export const handler = http({
  query,
  handler: async ({ query: { q = '' } }) => {
    const catalog = await loadCatalog();
    const items = [...catalog.procedures.values()]
      .filter((p) => !q || p.code.startsWith(q) || matchesQuery(`${p.code} ${p.name} ${p.field ?? ""}`, q))
      .slice(0, 50)
      .map((p) => ({ code: p.code, name: p.name, ...(p.field ? { field: p.field } : {}), department: departmentRef(catalog, p.departmentId) }));
    return { body: items, headers: { 'cache-control': 'public, max-age=60' } };
  },
});
