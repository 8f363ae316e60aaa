import { toXlsx } from '#shared/csv';
import { performanceReportRows } from '#shared/performance-report';
import { loadCatalog } from './lib/catalog-store.ts';
import { http } from './lib/http.ts';
import { performanceFor, performanceQuerySchema } from './lib/performance.ts';

/** GET /api/inbox/performance.xlsx?month=YYYY-MM — the monthly evaluation report (same access as the view). */
export const handler = http({
  query: performanceQuerySchema,
  handler: async ({ claims, query, now }) => {
    const view = await performanceFor(claims, query, now);
    const rows = performanceReportRows(view, (await loadCatalog()).criteria);
    return {
      raw: Buffer.from(toXlsx(rows, `Đánh giá ${view.month}`)).toString('base64'),
      base64: true,
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="danh-gia-${view.department.id}-${view.month}${view.scope === 'own' ? '-ca-nhan' : ''}.xlsx"`,
        'cache-control': 'no-store',
      },
    };
  },
});
