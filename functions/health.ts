import { http } from './lib/http.ts';

/** GET /api/health */
export const handler = http({ handler: async ({ now }) => ({ body: { status: "ok", time: now.toISOString() } }) });
