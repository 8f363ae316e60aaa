import * as z from 'zod/mini';
import { officialFromClaims } from '#shared/auth';
import { id } from '#shared/schemas';
import { mergeTemplates } from '#shared/templates';
import { resolveDepartment } from './lib/inbox.ts';
import { http } from './lib/http.ts';
import { SHARED_TEMPLATES } from './lib/keys.ts';
import { listSavedTemplates, scoped } from './lib/template-store.ts';

/**
 * GET /api/inbox/templates?departmentId= — the answer templates of a department (default: the
 * caller's own): its saved ones, those the admin shared with every department, the built-in ones.
 * Two Queries, one per partition.
 */
export const handler = http({
  query: z.strictObject({ departmentId: z.optional(id) }),
  handler: async ({ query, claims }) => {
    const official = officialFromClaims(claims);
    const departmentId = await resolveDepartment(official, query.departmentId);
    const [department, shared] = await Promise.all([listSavedTemplates(departmentId), listSavedTemplates(SHARED_TEMPLATES)]);
    return { body: { departmentId, templates: mergeTemplates(departmentId, { department: department.map(scoped), shared: shared.map(scoped) }) } };
  },
});
