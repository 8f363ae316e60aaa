import { http } from './lib/http.ts';

/** GET /api/health */
export const handler = http({ handler: async () => ({ body: { status: 'ok', time: new Date().toISOString() } }) });
