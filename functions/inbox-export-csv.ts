import { toCsv } from '#shared/csv';
import { exportData, exportQuerySchema } from './lib/inbox-export.ts';
import { http } from './lib/http.ts';

/** GET /api/inbox/export.csv — the filtered list, UTF-8 with BOM (Excel opens Vietnamese correctly). */
export const handler = http({
  query: exportQuerySchema,
  handler: async ({ claims, query, now }) => {
    const { rows, filename } = await exportData(claims, query, now);
    return {
      raw: toCsv(rows),
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}.csv"`, 'cache-control': 'no-store' },
    };
  },
});
