/** The filtered list as spreadsheet rows, for both export formats. */
import { canSeeContact, officialFromClaims } from '#shared/auth';
import { exportRows, inboxQuerySchema } from '#shared/inbox';
import { localDayOf } from '#shared/time';
import type { CaseRecord } from '#shared/workflow';
import type { Claims } from './http.ts';
import { loadCatalog } from './catalog-store.ts';
import { queryScope, resolveScope } from './inbox.ts';

/** An export is a working list, not a data dump: beyond this, narrow the filters. */
export const MAX_EXPORT_ROWS = 5000;

export const exportQuerySchema = inboxQuerySchema;

export async function exportData(claims: Claims | undefined, query: typeof inboxQuerySchema._zod.output, now: Date) {
  const official = officialFromClaims(claims);
  const scope = await resolveScope(official, query.departmentId);
  const { departmentId } = scope;
  const records: CaseRecord[] = [];
  let cursor: string | undefined = undefined;
  do {
    const page: { records: CaseRecord[]; nextCursor: string | null } = await queryScope(scope, { ...query, cursor }, { now, limit: 500 });
    records.push(...page.records);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && records.length < MAX_EXPORT_ROWS);
  // Contact columns: the owning department only; nobody owns `all`, so the admin never gets them.
  const rows = exportRows(records.slice(0, MAX_EXPORT_ROWS), { withContact: canSeeContact(official, departmentId), catalog: await loadCatalog(), now });
  return { rows, filename: `gop-y-${departmentId}-${localDayOf(now)}` };
}
