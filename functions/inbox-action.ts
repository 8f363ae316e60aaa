import * as z from 'zod/mini';
import { officialFromClaims } from '#shared/auth';
import { inboxDetailView } from '#shared/inbox';
import { parseAction } from '#shared/workflow';
import { loadCatalog } from './lib/catalog-store.ts';
import { performAction } from './lib/inbox.ts';
import { listAuditEvents } from './lib/inbox-store.ts';
import { http } from './lib/http.ts';

/** POST /api/inbox/{trackingCode}/actions — applies one workflow action; returns the updated record. */
export const handler = http({
  body: z.looseObject({ type: z.string() }),
  handler: async ({ params, body, claims, now }) => {
    const official = officialFromClaims(claims);
    const action = parseAction(body);
    const { record, warnings } = await performAction(params.trackingCode ?? '', action, official, now);
    const [events, catalog] = await Promise.all([listAuditEvents(record.trackingCode), loadCatalog()]);
    return { body: { ...inboxDetailView(record, official, events, catalog, now), warnings } };
  },
});
