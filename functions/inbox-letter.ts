import { canSeeContact, officialFromClaims } from '#shared/auth';
import { departmentRef } from '#shared/catalog';
import { ForbiddenError } from '#shared/errors';
import { buildLetter } from '#shared/letter';
import { loadCatalog } from './lib/catalog-store.ts';
import { loadVisibleCase } from './lib/inbox.ts';
import { listAuditEvents } from './lib/inbox-store.ts';
import { http } from './lib/http.ts';
import { renderLetter } from './lib/letter-pdf.ts';

/**
 * GET /api/inbox/{trackingCode}/letter.pdf — the printable answer letter (A4) for a petition with a
 * published answer, for citizens reached by post. It holds the citizen's name and address: the
 * owning department only (others 404 like any record they cannot see; the admin 403).
 */
export const handler = http({
  handler: async ({ params, claims }) => {
    const official = officialFromClaims(claims);
    const record = await loadVisibleCase(params.trackingCode ?? '', official);
    if (!canSeeContact(official, record.departmentId)) throw new ForbiddenError('Only the department that owns the record prints its letter', { code: 'owner_only' });
    const [events, catalog] = await Promise.all([listAuditEvents(record.trackingCode), loadCatalog()]);
    // The official who approved the published answer signs for the department.
    const approver = events.findLast((event) => event.type === 'approve')?.by.username;
    const department = catalog.departments.get(record.departmentId) ?? departmentRef(catalog, record.departmentId);
    const pdf = await renderLetter(buildLetter(record, department, approver));
    return {
      raw: pdf.toString('base64'),
      base64: true,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="tra-loi-${record.trackingCode}.pdf"`,
        'cache-control': 'no-store',
      },
    };
  },
});
