import { randomBytes } from 'node:crypto';
import { displayName, officialFromClaims } from '#shared/auth';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/errors';
import { MAX_SAVED_TEMPLATES, templateInputSchema } from '#shared/templates';
import { toLocalIso } from '#shared/time';
import { resolveDepartment } from './lib/inbox.ts';
import { http } from './lib/http.ts';
import { SHARED_TEMPLATES } from './lib/keys.ts';
import { deleteSavedTemplate, getSavedTemplate, listSavedTemplates, putSavedTemplate, scoped, type SavedTemplate } from './lib/template-store.ts';

const notFound = () => new NotFoundError('No such saved template in your department', { code: 'template_not_found' });
/** `t-` and 12 base-36 characters (about 62 bits): unique within a partition without a counter. */
const newTemplateId = () => `t-${[...randomBytes(12)].map((b) => (b % 36).toString(36)).join('')}`;

/**
 * POST /api/inbox/templates — saves an answer template of the caller's department (new: 201; an
 * edit of one by `id`: 200) or removes one (`remove: true`). Only the admin shares one with every
 * department (`shareWithAll`); another department's template answers 404 like a missing one.
 */
export const handler = http({
  body: templateInputSchema,
  handler: async ({ body, claims, now }) => {
    const official = officialFromClaims(claims);
    if (body.shareWithAll && !official.admin) throw new ForbiddenError('Only the province admin shares templates with every department', { code: 'admin_only' });
    const owner = body.shareWithAll ? SHARED_TEMPLATES : await resolveDepartment(official, body.departmentId);
    if (body.remove) {
      if (!(await deleteSavedTemplate(owner, body.id!))) throw notFound();
      return { body: { id: body.id, removed: true } };
    }
    const stamp = { title: body.title!, text: body.text!, updatedBy: displayName(official), updatedById: official.id, updatedAt: toLocalIso(now) };
    if (body.id) {
      const existing = await getSavedTemplate(owner, body.id);
      const saved: SavedTemplate | undefined = existing && { ...existing, ...stamp };
      if (!saved || !(await putSavedTemplate(saved, 'update'))) throw notFound();
      return { body: scoped(saved) };
    }
    if ((await listSavedTemplates(owner)).length >= MAX_SAVED_TEMPLATES) {
      throw new ConflictError(`At most ${MAX_SAVED_TEMPLATES} saved templates; remove one first`, { code: 'too_many_templates' });
    }
    const saved: SavedTemplate = { id: newTemplateId(), owner, createdAt: stamp.updatedAt, ...stamp };
    if (!(await putSavedTemplate(saved, 'create'))) throw new ConflictError('Try again', { code: 'concurrent_update' });
    return { statusCode: 201, body: scoped(saved) };
  },
});
