import { toXlsx } from '#shared/csv';
import { exportData, exportQuerySchema } from './lib/inbox-export.ts';
import { http } from './lib/http.ts';

/** GET /api/inbox/export.xlsx — the filtered list as an Excel workbook. */
export const handler = http({
  query: exportQuerySchema,
  handler: async ({ claims, query, now }) => {
    const { rows, filename } = await exportData(claims, query, now);
    return {
      raw: Buffer.from(toXlsx(rows, 'Góp ý')).toString('base64'),
      base64: true,
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${filename}.xlsx"`,
        'cache-control': 'no-store',
      },
    };
  },
});
