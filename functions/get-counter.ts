import { NotFoundError } from '#shared/errors';
import { DEFAULT_ANSWER_SLA_WORKING_DAYS } from '#shared/calendar';
import { departmentRef } from '#shared/catalog';
import { loadCatalog } from './lib/catalog-store.ts';
import { publicOnDuty } from './lib/duty.ts';
import { http } from './lib/http.ts';

/** GET /api/counters/{id} */
export const handler = http({
  handler: async ({ params }) => {
    const catalog = await loadCatalog();
    const counter = catalog.counters.get(params.id ?? '');
    if (!counter) throw new NotFoundError('Unknown counter', { code: 'unknown_counter' });
    const procedures = counter.procedureCodes.flatMap((code) => {
      const procedure = catalog.procedures.get(code);
      return procedure ? [{ code, name: procedure.name }] : [];
    });
    return {
      body: {
        id: counter.id,
        name: counter.name,
        department: {
          ...departmentRef(catalog, counter.departmentId),
          answerSlaWorkingDays: catalog.departments.get(counter.departmentId)?.answerSlaWorkingDays ?? DEFAULT_ANSWER_SLA_WORKING_DAYS,
        },
        procedures,
        onDuty: await publicOnDuty(counter.id, counter.departmentId),
        criteria: catalog.criteria,
      },
      // Short: a change of duty shows on the kiosk and the QR page within seconds.
      headers: { 'cache-control': 'public, max-age=10' },
    };
  },
});
