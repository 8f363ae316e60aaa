/**
 * The tracking code of an Idempotency-Key: a keyed hash (HMAC-SHA-256 with the per-deployment
 * secret), so a submission's record is its own idempotency record (submit.ts) and a kiosk can learn
 * its keys' codes in advance (reserve-codes.ts) without any write. The one place that resolves that
 * key: Secrets Manager by TRACKING_CODE_SECRET_ARN in AWS (the `tracking-codes` capability, and
 * `npm run import -- --aws`), TRACKING_CODE_SECRET or the built-in local key otherwise.
 */
import { createHmac } from 'node:crypto';
import { codeFromBytes } from '#shared/tracking-code';
import { readSecret } from './secrets.ts';

export const TRACKING_CODE_SECRET = { arn: 'TRACKING_CODE_SECRET_ARN', value: 'TRACKING_CODE_SECRET' } as const;

/** Published with the code: fine for the local stack, never for a deployment (local/connect.ts refuses it with --aws). */
const LOCAL_KEY = 'gop-y-tracking-code';

const hmac = async (text: string) => createHmac('sha256', (await readSecret(TRACKING_CODE_SECRET)) ?? LOCAL_KEY).update(text).digest();

export const codeForKey = async (key: string) => codeFromBytes(await hmac(`idem:${key}`));

/** A short keyed hash under the same secret: a key that names no personal data (e.g. a recipient's receipt cap). */
export const keyedHash = async (text: string) => (await hmac(text)).toString('base64url').slice(0, 22);
