import { officialFromClaims } from '#shared/auth';
import { inboxDetailView } from '#shared/inbox';
import { loadCatalog } from './lib/catalog-store.ts';
import { loadVisibleCase } from './lib/inbox.ts';
import { listAuditEvents } from './lib/inbox-store.ts';
import { http } from './lib/http.ts';

/** GET /api/inbox/{trackingCode} — the full record with its audit trail; contact only for the owning department. */
export const handler = http({
  handler: async ({ params, claims, now }) => {
    const official = officialFromClaims(claims);
    const record = await loadVisibleCase(params.trackingCode ?? '', official);
    const [events, catalog] = await Promise.all([listAuditEvents(record.trackingCode), loadCatalog()]);
    return { body: inboxDetailView(record, official, events, catalog, now) };
  },
});
