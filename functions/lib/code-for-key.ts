/**
 * The tracking code of an Idempotency-Key: a keyed hash (HMAC-SHA-256 with the per-deployment
 * secret), so a submission's record is its own idempotency record (submit.ts) and a kiosk can learn
 * its keys' codes in advance (reserve-codes.ts) without any write.
 */
import { createHmac } from 'node:crypto';
import { codeFromBytes } from '#shared/tracking-code';

const secret = () => process.env.TRACKING_CODE_SECRET ?? 'gop-y-tracking-code';

export const codeForKey = (key: string) => codeFromBytes(createHmac('sha256', secret()).update(`idem:${key}`).digest());

/** A short keyed hash under the same secret: a key that names no personal data (e.g. a recipient's receipt cap). */
export const keyedHash = (text: string) => createHmac('sha256', secret()).update(text).digest('base64url').slice(0, 22);
